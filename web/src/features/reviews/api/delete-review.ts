import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { invalidateAfterListen } from './invalidate-after-listen';

/** Deletes the viewer's own review with its likes and comments. */
export async function deleteReview({ id }: { id: string; albumId: string; trackId?: string }): Promise<void> {
  await api.delete<void>(`/api/reviews/${encodeURIComponent(id)}`);
}

/** Mutation that deletes a review and forgets it everywhere it was cached. */
export function useDeleteReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteReview,
    onSuccess: async (_result, { id, albumId, trackId }) => {
      queryClient.removeQueries({ queryKey: catalogKeys.review(id) });
      await Promise.all([
        invalidateAfterListen(queryClient, albumId),
        trackId ? queryClient.invalidateQueries({ queryKey: catalogKeys.track(trackId) }) : null,
      ]);
    },
  });
}
