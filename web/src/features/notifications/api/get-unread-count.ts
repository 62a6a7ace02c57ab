import type { UnreadCount } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { notificationKeys } from './query-keys';

/** How many notifications the signed-in user has not read yet. */
export async function getUnreadCount(): Promise<UnreadCount> {
  return api.get<UnreadCount>('/api/notifications/unread-count');
}

/** Query options for the unread count; socket events keep it current. */
export function getUnreadCountQueryOptions() {
  return queryOptions({ queryKey: notificationKeys.unreadCount(), queryFn: getUnreadCount });
}

/** The unread count, 0 while it loads. */
export function useUnreadCount(): number {
  return useQuery(getUnreadCountQueryOptions()).data?.unread ?? 0;
}
