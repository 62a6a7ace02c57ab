import type { AlbumPage, RatingResult } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { setViewerTrackRating } from './album-cache';

/** Sets the viewer's rating of a track (`PUT`), or removes it when `rating` is null (`DELETE`). */
export async function rateTrack({ trackId, rating }: { trackId: string; rating: number | null }): Promise<RatingResult> {
  const path = `/api/tracks/${encodeURIComponent(trackId)}/rating`;
  return rating === null ? api.delete<RatingResult>(path) : api.put<RatingResult>(path, { rating });
}

/** Mutation for a tracklist row's stars: optimistic, rolled back when the server refuses. */
export function useRateTrack(albumId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rateTrack,
    onMutate: ({ trackId, rating }) => {
      const track = queryClient.getQueryData<AlbumPage>(catalogKeys.album(albumId))?.tracks.find((t) => t.id === trackId);
      setViewerTrackRating(queryClient, albumId, trackId, rating);
      return { previous: track?.viewerRating ?? null };
    },
    onSuccess: (result, { trackId }) =>
      setViewerTrackRating(queryClient, albumId, trackId, result.rating, { count: result.stats.count, mean: result.stats.mean }),
    onError: (_error, { trackId }, context) => {
      if (context) setViewerTrackRating(queryClient, albumId, trackId, context.previous);
    },
  });
}
