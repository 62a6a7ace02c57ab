import type { PlaylistEntriesPage, PlaylistView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { withNextEntries } from './playlist-cache';
import { playlistKeys } from './playlist-keys';

/** A page of a playlist's entries from `offset`; `token` opens a link-only playlist. */
export async function getPlaylistEntries(id: string, offset: number, token?: string | null): Promise<PlaylistEntriesPage> {
  return api.get<PlaylistEntriesPage>(`/api/playlists/${encodeURIComponent(id)}/entries${toQueryString({ offset, token })}`);
}

/**
 * "Show more": reads the page after the entries the playlist page holds and puts it after them. When
 * the playlist changed in between (another version), the page is read again from the start instead
 * of mixing two versions.
 */
export function useLoadMoreEntries(id: string, token: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (offset: number) => getPlaylistEntries(id, offset, token),
    onSuccess: (page) => {
      const key = playlistKeys.detail(id);
      const view = queryClient.getQueryData<PlaylistView>(key);
      const next = view ? withNextEntries(view, page) : null;
      if (next) queryClient.setQueryData<PlaylistView>(key, next);
      else void queryClient.invalidateQueries({ queryKey: key, exact: true });
    },
  });
}
