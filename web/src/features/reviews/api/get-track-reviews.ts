import type { Page, ReviewView } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';
import type { ReviewSort } from './get-album-reviews';

const PAGE_SIZE = 10;

/** One page of a track's reviews, most liked or newest first. */
export async function getTrackReviews({ trackId, sort, cursor }: { trackId: string; sort: ReviewSort; cursor?: string | null }): Promise<Page<ReviewView>> {
  const query = toQueryString({ sort, cursor, limit: PAGE_SIZE });
  return api.get<Page<ReviewView>>(`/api/tracks/${encodeURIComponent(trackId)}/reviews${query}`);
}

/** Infinite-query options for a track's reviews in one order. */
export function getTrackReviewsQueryOptions(trackId: string, sort: ReviewSort) {
  return infiniteQueryOptions({
    queryKey: catalogKeys.trackReviews(trackId, sort),
    queryFn: ({ pageParam }) => getTrackReviews({ trackId, sort, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** A track's reviews with "load more". */
export function useTrackReviews(trackId: string, sort: ReviewSort) {
  return useInfiniteQuery(getTrackReviewsQueryOptions(trackId, sort));
}
