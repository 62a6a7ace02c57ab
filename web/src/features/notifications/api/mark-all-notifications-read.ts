import type { UnreadCount } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { loadSchemas } from '../../../lib/shared-schemas';
import { markAllReadInCache, setUnreadInCache } from './notifications-cache';

/** Marks every notification read and answers the new unread count. */
export async function markAllNotificationsRead(): Promise<UnreadCount> {
  const answer = await api.post('/api/notifications/read-all');
  return (await loadSchemas()).UnreadCountSchema.parse(answer);
}

/** Mutation that marks everything read and patches the cached list and count. */
export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: ({ unread }) => {
      markAllReadInCache(queryClient, new Date().toISOString());
      setUnreadInCache(queryClient, unread);
    },
  });
}
