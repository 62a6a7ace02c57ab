import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dropMessage } from './party-cache';

/** The host or a moderator removes a chat message. */
export async function removePartyMessage(id: string, messageId: string): Promise<void> {
  await api.delete<undefined>(`/api/parties/${encodeURIComponent(id)}/messages/${encodeURIComponent(messageId)}`);
}

export function useRemovePartyMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => removePartyMessage(id, messageId),
    onSuccess: (_r, messageId) => dropMessage(queryClient, id, messageId),
  });
}
