import type { Page, ReviewView } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';

const PAGE_SIZE = 5;

/** One page of someone's reviews, newest first. */
export async function getUserReviews({ handle, cursor }: { handle: string; cursor?: string | null }): Promise<Page<ReviewView>> {
  return api.get<Page<ReviewView>>(`/api/users/${encodeURIComponent(handle)}/reviews${toQueryString({ sort: 'recent', cursor, limit: PAGE_SIZE })}`);
}

/** Infinite-query options for someone's reviews. */
export function getUserReviewsQueryOptions(handle: string) {
  return infiniteQueryOptions({
    queryKey: catalogKeys.userReviews(handle),
    queryFn: ({ pageParam }) => getUserReviews({ handle, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Someone's reviews with "load more", for their profile. */
export function useUserReviews(handle: string) {
  return useInfiniteQuery(getUserReviewsQueryOptions(handle));
}
