import type { Page, PlaylistKind, PlaylistSummary } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { playlistKeys, type PlaylistFilter } from './playlist-keys';

/** Cards per page: fills rows of 2, 3 and 4 columns. */
export const PLAYLIST_PAGE_SIZE = 24;

/** One page of the signed-in user's own, collaborating, shared-with-them or liked playlists. */
export async function getPlaylists({
  filter,
  kind,
  cursor,
  limit = PLAYLIST_PAGE_SIZE,
}: {
  filter: PlaylistFilter;
  kind?: PlaylistKind;
  cursor?: string | null;
  limit?: number;
}): Promise<Page<PlaylistSummary>> {
  return api.get<Page<PlaylistSummary>>(`/api/playlists${toQueryString({ filter, kind, cursor, limit })}`);
}

/** Infinite-query options for one tab of the playlists index. */
export function getPlaylistsQueryOptions(filter: PlaylistFilter, kind?: PlaylistKind) {
  return infiniteQueryOptions({
    queryKey: playlistKeys.list(filter, kind),
    queryFn: ({ pageParam }) => getPlaylists({ filter, kind, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** One tab of the signed-in user's playlists with "Load more". */
export function usePlaylists(filter: PlaylistFilter, kind?: PlaylistKind, enabled = true) {
  return useInfiniteQuery({ ...getPlaylistsQueryOptions(filter, kind), enabled });
}
