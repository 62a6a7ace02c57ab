import type { CommentCreateInput, CommentView, Page, ReviewDetail } from '@muse/shared';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** Adds a comment to a review. */
export async function createComment({ reviewId, input }: { reviewId: string; input: CommentCreateInput }): Promise<CommentView> {
  return api.post<CommentView>(`/api/reviews/${encodeURIComponent(reviewId)}/comments`, input);
}

/**
 * Mutation that adds a comment: it appears at the end of the list when the whole list is
 * loaded (comments run oldest first), and the review's comment count goes up.
 */
export function useCreateComment(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommentCreateInput) => createComment({ reviewId, input }),
    onSuccess: (comment) => {
      queryClient.setQueryData<InfiniteData<Page<CommentView>, string | null>>(catalogKeys.reviewComments(reviewId), (data) => {
        if (!data) return data;
        const last = data.pages[data.pages.length - 1];
        if (!last || last.nextCursor !== null || last.items.some((c) => c.id === comment.id)) return data;
        return { ...data, pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, comment] }] };
      });
      queryClient.setQueryData<ReviewDetail>(catalogKeys.review(reviewId), (detail) =>
        detail ? { ...detail, commentCount: detail.commentCount + 1 } : detail,
      );
    },
  });
}
