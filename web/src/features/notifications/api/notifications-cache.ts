import type { Notification, NotificationPage, ServerToClientEvents, UnreadCount } from '@muse/shared';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { notificationKeys } from './query-keys';

type NotificationList = InfiniteData<NotificationPage, string | null>;
type NewNotificationPayload = Parameters<ServerToClientEvents['notification:new']>[0];

function mapItems(list: NotificationList, update: (item: Notification) => Notification): NotificationList {
  return { ...list, pages: list.pages.map((page) => ({ ...page, items: page.items.map(update) })) };
}

/**
 * A fetch already under way may have been answered before the event's notification existed,
 * and would overwrite the patch with older data; restarting it reads the newer state.
 */
function refetchIfInFlight(queryClient: QueryClient, queryKey: readonly unknown[]): void {
  if (queryClient.isFetching({ queryKey, exact: true }) > 0) {
    void queryClient.invalidateQueries({ queryKey, exact: true }, { cancelRefetch: true });
  }
}

/** Replaces the cached unread count. */
export function setUnreadInCache(queryClient: QueryClient, unread: number): void {
  queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount(), { unread });
}

/**
 * Applies a `notification:new` event: sets the unread count and puts the notification at the
 * top of the cached list, replacing rather than duplicating one already there.
 */
export function applyNewNotification(queryClient: QueryClient, { notification, unread }: NewNotificationPayload): void {
  setUnreadInCache(queryClient, unread);
  refetchIfInFlight(queryClient, notificationKeys.unreadCount());
  queryClient.setQueryData<NotificationList>(notificationKeys.list(), (list) => {
    // Nothing cached yet: the first fetch will include it.
    if (!list) return list;
    const known = list.pages.some((page) => page.items.some((item) => item.id === notification.id));
    if (known) return mapItems(list, (item) => (item.id === notification.id ? notification : item));
    const [first, ...rest] = list.pages;
    const firstPage: NotificationPage = first ?? { items: [], nextCursor: null };
    return { ...list, pages: [{ ...firstPage, items: [notification, ...firstPage.items] }, ...rest] };
  });
  refetchIfInFlight(queryClient, notificationKeys.list());
}

/** Marks one cached notification read at `readAt`. */
export function markReadInCache(queryClient: QueryClient, id: string, readAt: string): void {
  queryClient.setQueryData<NotificationList>(notificationKeys.list(), (list) =>
    list ? mapItems(list, (item) => (item.id === id && item.readAt === null ? { ...item, readAt } : item)) : list,
  );
}

/** Marks every cached notification read at `readAt`. */
export function markAllReadInCache(queryClient: QueryClient, readAt: string): void {
  queryClient.setQueryData<NotificationList>(notificationKeys.list(), (list) =>
    list ? mapItems(list, (item) => (item.readAt === null ? { ...item, readAt } : item)) : list,
  );
}

/** Refetches everything notification-related, e.g. after the socket missed events. */
export function invalidateNotifications(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}
