import type { UnreadCount } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { loadSchemas } from '../../../lib/shared-schemas';
import { markReadInCache, setUnreadInCache } from './notifications-cache';

/** Marks one notification read and answers the new unread count. */
export async function markNotificationRead(id: string): Promise<UnreadCount> {
  const answer = await api.post(`/api/notifications/${encodeURIComponent(id)}/read`);
  return (await loadSchemas()).UnreadCountSchema.parse(answer);
}

/** Mutation that marks one notification read and patches the cached list and count. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: ({ unread }, id) => {
      markReadInCache(queryClient, id, new Date().toISOString());
      setUnreadInCache(queryClient, unread);
    },
  });
}
