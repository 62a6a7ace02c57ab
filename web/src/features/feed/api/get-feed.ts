import type { FeedPage } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** How many feed items one page asks for. */
export const FEED_PAGE_SIZE = 20;

/** One page of the signed-in user's home feed, newest first; pass `nextCursor` for the next. */
export async function getFeed({ cursor, limit = FEED_PAGE_SIZE }: { cursor?: string | null; limit?: number } = {}): Promise<FeedPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return api.get<FeedPage>(`/api/feed?${params.toString()}`);
}

/** Infinite-query options for the feed, shared by the home loader and the page. */
export function getFeedQueryOptions() {
  return infiniteQueryOptions({
    queryKey: socialKeys.feed(),
    queryFn: ({ pageParam }) => getFeed({ cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The home feed with cursor paging; `feed:new` events patch it (see feed-cache). */
export function useFeed() {
  return useInfiniteQuery(getFeedQueryOptions());
}
