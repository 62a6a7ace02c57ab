import type { CommentView, Page } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';

/** One page of a review's comments, oldest first. */
export async function getReviewComments({ reviewId, cursor }: { reviewId: string; cursor?: string | null }): Promise<Page<CommentView>> {
  return api.get<Page<CommentView>>(`/api/reviews/${encodeURIComponent(reviewId)}/comments${toQueryString({ cursor })}`);
}

/** Infinite-query options for a review's comments. */
export function getReviewCommentsQueryOptions(reviewId: string) {
  return infiniteQueryOptions({
    queryKey: catalogKeys.reviewComments(reviewId),
    queryFn: ({ pageParam }) => getReviewComments({ reviewId, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/**
 * A review's comments with "load more". `firstPage` (from the review itself) is shown at once
 * instead of being fetched a second time.
 */
export function useReviewComments(reviewId: string, firstPage?: Page<CommentView>, firstPageAt?: number) {
  return useInfiniteQuery({
    ...getReviewCommentsQueryOptions(reviewId),
    initialData: firstPage ? { pages: [firstPage], pageParams: [null] } : undefined,
    initialDataUpdatedAt: firstPageAt,
  });
}
