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

/** Compares two `seq` values (decimal strings of any length); a missing seq sorts first. */
function compareSeq(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : 1;
}

/**
 * Upserts one notification into a cached list by id. A batched notification that changed
 * (a higher `seq`: "Ana and 2 others" became "and 3 others") moves to the top; a copy that is
 * not newer than the cached one replaces it in place or, if older, is ignored. Returns the
 * same list when nothing is cached.
 */
export function upsertNotification(list: NotificationList | undefined, notification: Notification): NotificationList | undefined {
  if (!list) return list;
  const cached = list.pages.flatMap((page) => page.items).find((item) => item.id === notification.id);
  if (cached) {
    const order = compareSeq(notification.seq, cached.seq);
    if (order < 0) return list;
    if (order === 0 || notification.seq === undefined) return mapItems(list, (item) => (item.id === notification.id ? notification : item));
  }
  const pages = list.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== notification.id) }));
  const [first, ...rest] = pages;
  const firstPage: NotificationPage = first ?? { items: [], nextCursor: null };
  return { ...list, pages: [{ ...firstPage, items: [notification, ...firstPage.items] }, ...rest] };
}

/**
 * Applies a `notification:new` event: sets the unread count and upserts the notification by
 * id at the top of the cached list (see `upsertNotification`), so it is never shown twice.
 */
export function applyNewNotification(queryClient: QueryClient, { notification, unread }: NewNotificationPayload): void {
  setUnreadInCache(queryClient, unread);
  refetchIfInFlight(queryClient, notificationKeys.unreadCount());
  // Nothing cached yet: the first fetch will include it.
  queryClient.setQueryData<NotificationList>(notificationKeys.list(), (list) => upsertNotification(list, notification));
  refetchIfInFlight(queryClient, notificationKeys.list());
}

/** The largest `seq` in the cached list: where a catch-up after a dropped connection starts. */
export function latestSeqInCache(queryClient: QueryClient): string | null {
  const list = queryClient.getQueryData<NotificationList>(notificationKeys.list());
  let latest: string | undefined;
  for (const item of list?.pages.flatMap((page) => page.items) ?? []) {
    if (compareSeq(item.seq, latest) > 0) latest = item.seq;
  }
  return latest ?? null;
}

/** Upserts notifications fetched by a catch-up (oldest change first, so the newest ends on top). */
export function applyCaughtUp(queryClient: QueryClient, notifications: Notification[]): void {
  queryClient.setQueryData<NotificationList>(notificationKeys.list(), (list) => notifications.reduce((acc, n) => upsertNotification(acc, n), list));
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
