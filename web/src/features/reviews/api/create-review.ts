import type { ReviewCreateInput, ReviewView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { invalidateAfterListen } from './invalidate-after-listen';

/**
 * Publishes a review of an album, or of one of its tracks when `trackId` is given; with a
 * listened-on date the server also logs an album review in the diary.
 */
export async function createReview({ albumId, trackId, input }: { albumId: string; trackId?: string; input: ReviewCreateInput }): Promise<ReviewView> {
  const path = trackId ? `/api/tracks/${encodeURIComponent(trackId)}/reviews` : `/api/albums/${encodeURIComponent(albumId)}/reviews`;
  return api.post<ReviewView>(path, input);
}

/** Mutation that publishes a review and refreshes the album (or track) page, its reviews and the diary. */
export function useCreateReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReview,
    onSuccess: async (review) => {
      await Promise.all([
        invalidateAfterListen(queryClient, review.album.id),
        review.track ? queryClient.invalidateQueries({ queryKey: catalogKeys.track(review.track.id) }) : null,
      ]);
    },
  });
}
