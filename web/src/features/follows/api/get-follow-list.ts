import type { FollowListItem, Page } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Which side of someone's graph: who follows them, or whom they follow. */
export type FollowListKind = 'followers' | 'following';

/** One page of `handle`'s followers or followees, newest first. */
export async function getFollowList(handle: string, kind: FollowListKind, cursor?: string | null): Promise<Page<FollowListItem>> {
  const params = new URLSearchParams({ limit: '30' });
  if (cursor) params.set('cursor', cursor);
  return api.get<Page<FollowListItem>>(`/api/users/${encodeURIComponent(handle)}/${kind}?${params.toString()}`);
}

/** Infinite-query options for a follow list, shared by the loader and the page. */
export function getFollowListQueryOptions(handle: string, kind: FollowListKind) {
  return infiniteQueryOptions({
    queryKey: kind === 'followers' ? socialKeys.followers(handle) : socialKeys.following(handle),
    queryFn: ({ pageParam }) => getFollowList(handle, kind, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** A follow list with cursor paging. */
export function useFollowList(handle: string, kind: FollowListKind) {
  return useInfiniteQuery(getFollowListQueryOptions(handle, kind));
}
