import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshPlaylistLists } from './playlist-cache';
import { playlistKeys } from './playlist-keys';

/** Deletes a playlist for good (owner only). */
export async function deletePlaylist(id: string): Promise<void> {
  await api.delete<void>(`/api/playlists/${encodeURIComponent(id)}`);
}

/** Mutation that deletes a playlist and forgets it everywhere it was cached. */
export function useDeletePlaylist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePlaylist,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: playlistKeys.detail(id) });
      void refreshPlaylistLists(queryClient);
    },
  });
}
