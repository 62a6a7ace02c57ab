import type { CommentView, Page, ReviewDetail } from '@muse/shared';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** Deletes a comment (its author, or the author of the review it is on). */
export async function deleteComment(id: string): Promise<void> {
  await api.delete<void>(`/api/comments/${encodeURIComponent(id)}`);
}

/** Mutation that deletes a comment and takes it out of the cached list and count. */
export function useDeleteComment(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteComment,
    onSuccess: (_result, id) => {
      queryClient.setQueryData<InfiniteData<Page<CommentView>, string | null>>(catalogKeys.reviewComments(reviewId), (data) =>
        data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((c) => c.id !== id) })) } : data,
      );
      queryClient.setQueryData<ReviewDetail>(catalogKeys.review(reviewId), (detail) =>
        detail ? { ...detail, commentCount: Math.max(0, detail.commentCount - 1) } : detail,
      );
    },
  });
}
