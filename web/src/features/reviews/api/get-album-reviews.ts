import type { Page, ReviewView } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';

/** How an album's reviews are ordered: most liked, or newest. */
export type ReviewSort = 'popular' | 'recent';

const PAGE_SIZE = 10;

/** One page of an album's reviews (rating-only diary entries are not reviews and never appear). */
export async function getAlbumReviews({ albumId, sort, cursor }: { albumId: string; sort: ReviewSort; cursor?: string | null }): Promise<Page<ReviewView>> {
  const query = toQueryString({ sort, cursor, limit: PAGE_SIZE });
  return api.get<Page<ReviewView>>(`/api/albums/${encodeURIComponent(albumId)}/reviews${query}`);
}

/** Infinite-query options for an album's reviews in one order. */
export function getAlbumReviewsQueryOptions(albumId: string, sort: ReviewSort) {
  return infiniteQueryOptions({
    queryKey: catalogKeys.albumReviews(albumId, sort),
    queryFn: ({ pageParam }) => getAlbumReviews({ albumId, sort, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** An album's reviews with "load more". */
export function useAlbumReviews(albumId: string, sort: ReviewSort) {
  return useInfiniteQuery(getAlbumReviewsQueryOptions(albumId, sort));
}
