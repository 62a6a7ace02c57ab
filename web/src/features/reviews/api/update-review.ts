import type { ReviewDetail, ReviewUpdateInput, ReviewView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { invalidateAfterListen } from './invalidate-after-listen';

/** Changes the viewer's own review (only the fields given). */
export async function updateReview({ id, input }: { id: string; input: ReviewUpdateInput }): Promise<ReviewView> {
  return api.patch<ReviewView>(`/api/reviews/${encodeURIComponent(id)}`, input);
}

/** Mutation that edits a review and shows the new text at once on its page. */
export function useUpdateReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateReview,
    onSuccess: async (review) => {
      queryClient.setQueryData<ReviewDetail>(catalogKeys.review(review.id), (detail) => (detail ? { ...detail, ...review } : detail));
      await Promise.all([
        invalidateAfterListen(queryClient, review.album.id),
        review.track ? queryClient.invalidateQueries({ queryKey: catalogKeys.track(review.track.id) }) : null,
        queryClient.invalidateQueries({ queryKey: catalogKeys.review(review.id), exact: true }),
      ]);
    },
  });
}
