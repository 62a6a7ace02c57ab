import type { ReviewCreateInput, ReviewView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateAfterListen } from './invalidate-after-listen';

/** Publishes a review of an album; with a listened-on date the server also logs it in the diary. */
export async function createReview({ albumId, input }: { albumId: string; input: ReviewCreateInput }): Promise<ReviewView> {
  return api.post<ReviewView>(`/api/albums/${encodeURIComponent(albumId)}/reviews`, input);
}

/** Mutation that publishes a review and refreshes the album page, its reviews and the diary. */
export function useCreateReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReview,
    onSuccess: (review) => invalidateAfterListen(queryClient, review.album.id),
  });
}
