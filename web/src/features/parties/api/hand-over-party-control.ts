import type { PartyPlayback } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { applyPlayback } from './party-cache';

/** Hands control of the shared player to someone in the party. */
export async function handOverPartyControl(id: string, handle: string): Promise<PartyPlayback> {
  return api.put<PartyPlayback>(`/api/parties/${encodeURIComponent(id)}/controller`, { handle });
}

export function useHandOverPartyControl(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (handle: string) => handOverPartyControl(id, handle),
    onSuccess: (playback) => applyPlayback(queryClient, id, playback),
  });
}
