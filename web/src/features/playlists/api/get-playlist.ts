import type { PlaylistView } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { playlistKeys } from './playlist-keys';

/** One playlist or list with every entry; `token` opens a link-only playlist. */
export async function getPlaylist(id: string, token?: string | null): Promise<PlaylistView> {
  return api.get<PlaylistView>(`/api/playlists/${encodeURIComponent(id)}${toQueryString({ token })}`);
}

/** Query options for one playlist page. The token is not part of the key: it opens the same document. */
export function getPlaylistQueryOptions(id: string, token?: string | null) {
  return queryOptions({ queryKey: playlistKeys.detail(id), queryFn: () => getPlaylist(id, token) });
}

/** The playlist page's data. */
export function usePlaylist(id: string, token?: string | null) {
  return useQuery(getPlaylistQueryOptions(id, token));
}
