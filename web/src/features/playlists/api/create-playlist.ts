import type { PlaylistCreateInput, PlaylistView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshPlaylistLists } from './playlist-cache';
import { playlistKeys } from './playlist-keys';

/** Creates an empty playlist or list owned by the signed-in user. */
export async function createPlaylist(input: PlaylistCreateInput): Promise<PlaylistView> {
  return api.post<PlaylistView>('/api/playlists', input);
}

/** Mutation that creates a playlist, caches its page and refreshes the lists it now appears in. */
export function useCreatePlaylist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlaylist,
    onSuccess: (view) => {
      queryClient.setQueryData(playlistKeys.detail(view.id), view);
      void refreshPlaylistLists(queryClient);
    },
  });
}
