import type { PartyTrackRating } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { applyRating, setMyRating } from './party-cache';

/** Rates a track live during the party (replacing the earlier party rating of it). */
export async function ratePartyTrack(id: string, trackId: string, rating: number): Promise<PartyTrackRating> {
  return api.put<PartyTrackRating>(`/api/parties/${encodeURIComponent(id)}/ratings/${encodeURIComponent(trackId)}`, { rating });
}

export function useRatePartyTrack(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ trackId, rating }: { trackId: string; rating: number }) => ratePartyTrack(id, trackId, rating),
    onSuccess: (result, { trackId, rating }) => {
      setMyRating(queryClient, id, trackId, rating);
      applyRating(queryClient, id, result);
    },
  });
}
