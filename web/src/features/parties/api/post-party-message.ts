import type { PartyMessage } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { addMessage } from './party-cache';

/** Posts to the party chat (rate-limited per person and party). */
export async function postPartyMessage(id: string, body: string): Promise<PartyMessage> {
  return api.post<PartyMessage>(`/api/parties/${encodeURIComponent(id)}/messages`, { body });
}

export function usePostPartyMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: string) => postPartyMessage(id, body), onSuccess: (message) => addMessage(queryClient, message) });
}
