import type { InfiniteData } from '@tanstack/react-query';
import type { Page, ReviewDetail, ReviewLikeResult, ReviewView } from '@muse/shared';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** Likes (`PUT`) or unlikes (`DELETE`) a review; liking twice is harmless. */
export async function likeReview({ id, liked }: { id: string; liked: boolean }): Promise<ReviewLikeResult> {
  const path = `/api/reviews/${encodeURIComponent(id)}/like`;
  return liked ? api.put<ReviewLikeResult>(path) : api.delete<ReviewLikeResult>(path);
}

/** Puts a review's like state into every cached copy: its page and any review list holding it. */
function setLikeInCache(queryClient: QueryClient, id: string, liked: boolean, likeCount: number): void {
  const patch = <T extends ReviewView>(review: T): T => (review.id === id ? { ...review, likedByViewer: liked, likeCount } : review);
  queryClient.setQueryData<ReviewDetail>(catalogKeys.review(id), (detail) => (detail ? patch(detail) : detail));
  // Review lists live under an album's key or a track's.
  for (const queryKey of [catalogKeys.albums, catalogKeys.tracks]) {
    queryClient.setQueriesData<InfiniteData<Page<ReviewView>>>({ queryKey }, (data) =>
      data && Array.isArray(data.pages) ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(patch) })) } : data,
    );
  }
}

/** Mutation for the like button: flips at once, then takes the server's count; rolls back on failure. */
export function useLikeReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: likeReview,
    onMutate: ({ id, liked }) => {
      const detail = queryClient.getQueryData<ReviewDetail>(catalogKeys.review(id));
      const previous = detail ? { liked: detail.likedByViewer, likeCount: detail.likeCount } : null;
      if (detail && detail.likedByViewer !== liked) setLikeInCache(queryClient, id, liked, detail.likeCount + (liked ? 1 : -1));
      return { previous };
    },
    onSuccess: (result, { id }) => setLikeInCache(queryClient, id, result.liked, result.likeCount),
    onError: (_error, { id }, context) => {
      if (context?.previous) setLikeInCache(queryClient, id, context.previous.liked, context.previous.likeCount);
    },
  });
}
