import type { NotificationPage } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { notificationKeys } from './query-keys';

const PAGE_SIZE = 20;

/** One page of notifications, newest first; pass the previous page's `nextCursor` for more. */
export async function getNotifications({ cursor, limit = PAGE_SIZE }: { cursor?: string | null; limit?: number } = {}): Promise<NotificationPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return api.get<NotificationPage>(`/api/notifications?${params.toString()}`);
}

/** Infinite-query options for the notification list, shared by the bell and the full page. */
export function getNotificationsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: notificationKeys.list(),
    queryFn: ({ pageParam }) => getNotifications({ cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The notification list with cursor paging. */
export function useNotifications(options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...getNotificationsQueryOptions(), enabled: options.enabled ?? true });
}
