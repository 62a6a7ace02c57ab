import type { PartyPlayback, PartyPlaybackInput } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { applyPlayback } from './party-cache';

/** Whoever has control sets the shared player: track, position, playing or paused. */
export async function setPartyPlayback(id: string, input: PartyPlaybackInput): Promise<PartyPlayback> {
  return api.put<PartyPlayback>(`/api/parties/${encodeURIComponent(id)}/playback`, input);
}

export function useSetPartyPlayback(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PartyPlaybackInput) => setPartyPlayback(id, input),
    onSuccess: (playback) => applyPlayback(queryClient, id, playback),
  });
}
