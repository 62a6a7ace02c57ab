import type { Page, PlaylistKind, PlaylistSummary } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { PLAYLIST_PAGE_SIZE } from './get-playlists';
import { playlistKeys, type DiscoverSection } from './playlist-keys';

/** One page of Discover: newest public playlists, the most liked this week, or those of people the viewer follows. */
export async function getDiscoverPlaylists({
  section,
  kind,
  cursor,
}: {
  section: DiscoverSection;
  kind?: PlaylistKind;
  cursor?: string | null;
}): Promise<Page<PlaylistSummary>> {
  return api.get<Page<PlaylistSummary>>(`/api/playlists/discover${toQueryString({ section, kind, cursor, limit: PLAYLIST_PAGE_SIZE })}`);
}

/** Infinite-query options for one Discover section. */
export function getDiscoverPlaylistsQueryOptions(section: DiscoverSection, kind?: PlaylistKind) {
  return infiniteQueryOptions({
    queryKey: playlistKeys.discover(section, kind),
    queryFn: ({ pageParam }) => getDiscoverPlaylists({ section, kind, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** One Discover section with "Load more". */
export function useDiscoverPlaylists(section: DiscoverSection, kind?: PlaylistKind, enabled = true) {
  return useInfiniteQuery({ ...getDiscoverPlaylistsQueryOptions(section, kind), enabled });
}
