import type { Page, PlaylistKind, PlaylistSummary } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { playlistKeys } from './playlist-keys';

/** How many of someone's playlists a profile shows before "More". */
export const USER_PLAYLISTS_PAGE_SIZE = 6;

/** One page of someone's playlists the viewer may see (all of them for the owner), most recently changed first. */
export async function getUserPlaylists({
  handle,
  kind,
  cursor,
}: {
  handle: string;
  kind?: PlaylistKind;
  cursor?: string | null;
}): Promise<Page<PlaylistSummary>> {
  return api.get<Page<PlaylistSummary>>(
    `/api/users/${encodeURIComponent(handle)}/playlists${toQueryString({ kind, cursor, limit: USER_PLAYLISTS_PAGE_SIZE })}`,
  );
}

/** Infinite-query options for someone's playlists. */
export function getUserPlaylistsQueryOptions(handle: string, kind?: PlaylistKind) {
  return infiniteQueryOptions({
    queryKey: playlistKeys.user(handle, kind),
    queryFn: ({ pageParam }) => getUserPlaylists({ handle, kind, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Someone's playlists and lists with "More", for their profile. */
export function useUserPlaylists(handle: string, kind?: PlaylistKind) {
  return useInfiniteQuery(getUserPlaylistsQueryOptions(handle, kind));
}
