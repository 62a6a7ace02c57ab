import type { FollowListItem, Page } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { playlistKeys } from './playlist-keys';

/** The largest page the follow lists give: pickers filter what is loaded as the user types. */
const PICKER_PAGE_SIZE = 100;

/** One page of the owner's followers (to share with) or of the people they follow (to invite). */
export async function getPeople({
  handle,
  side,
  cursor,
}: {
  handle: string;
  side: 'followers' | 'following';
  cursor?: string | null;
}): Promise<Page<FollowListItem>> {
  return api.get<Page<FollowListItem>>(`/api/users/${encodeURIComponent(handle)}/${side}${toQueryString({ cursor, limit: PICKER_PAGE_SIZE })}`);
}

/** Infinite-query options for a picker's people. */
export function getPeopleQueryOptions(handle: string, side: 'followers' | 'following') {
  return infiniteQueryOptions({
    queryKey: playlistKeys.people(handle, side),
    queryFn: ({ pageParam }) => getPeople({ handle, side, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The people a share or collaborators picker offers, loaded only while it is open. */
export function usePeople(handle: string, side: 'followers' | 'following', enabled: boolean) {
  return useInfiniteQuery({ ...getPeopleQueryOptions(handle, side), enabled });
}
