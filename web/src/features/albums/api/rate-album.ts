import type { AlbumPage, RatingResult } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys, listenLaterKeys } from '../../../lib/query-keys';
import { setViewerAlbumRating } from './album-cache';

/** Sets the viewer's rating of an album (`PUT`), or removes it when `rating` is null (`DELETE`). */
export async function rateAlbum({ albumId, rating }: { albumId: string; rating: number | null }): Promise<RatingResult> {
  const path = `/api/albums/${encodeURIComponent(albumId)}/rating`;
  return rating === null ? api.delete<RatingResult>(path) : api.put<RatingResult>(path, { rating });
}

/**
 * Mutation for the album rating widget: shows the new rating at once, then the server's
 * answer with the album's fresh stats; puts the old rating back if the server refuses.
 */
export function useRateAlbum(albumId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rating: number | null) => rateAlbum({ albumId, rating }),
    onMutate: async (rating) => {
      const previous = queryClient.getQueryData<AlbumPage>(catalogKeys.album(albumId))?.viewer?.rating ?? null;
      setViewerAlbumRating(queryClient, albumId, rating);
      return { previous };
    },
    onSuccess: (result) => {
      setViewerAlbumRating(queryClient, albumId, result.rating, result.stats);
      // Rating an album takes it off the Listen later queue (unless kept).
      void queryClient.invalidateQueries({ queryKey: listenLaterKeys.all });
      // A new rating is a new point on the viewer's timeline.
      void queryClient.invalidateQueries({ queryKey: catalogKeys.albumMyTimeline(albumId) });
    },
    onError: (_error, _rating, context) => {
      if (context) setViewerAlbumRating(queryClient, albumId, context.previous);
    },
  });
}
