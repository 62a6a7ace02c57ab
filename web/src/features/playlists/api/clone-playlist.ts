import type { PlaylistView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshPlaylistLists } from './playlist-cache';
import { playlistKeys } from './playlist-keys';

/** Copies a playlist the viewer can see into a new private one of theirs; `token` for link playlists. */
export async function clonePlaylist({ id, title, token }: { id: string; title?: string; token?: string | null }): Promise<PlaylistView> {
  return api.post<PlaylistView>(`/api/playlists/${encodeURIComponent(id)}/clone`, { ...(title ? { title } : {}), ...(token ? { token } : {}) });
}

/** Mutation that clones a playlist and caches the copy's page. */
export function useClonePlaylist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clonePlaylist,
    onSuccess: (copy) => {
      queryClient.setQueryData(playlistKeys.detail(copy.id), copy);
      void refreshPlaylistLists(queryClient);
    },
  });
}
