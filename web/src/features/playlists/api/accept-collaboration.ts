import type { PlaylistView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshPlaylistLists } from './playlist-cache';
import { playlistKeys } from './playlist-keys';

/** The invited user accepts: from now on they may edit the playlist's entries. */
export async function acceptCollaboration(id: string): Promise<PlaylistView> {
  return api.post<PlaylistView>(`/api/playlists/${encodeURIComponent(id)}/collaborators/accept`);
}

/** Mutation that accepts an invitation and shows the playlist as a collaborator sees it. */
export function useAcceptCollaboration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptCollaboration,
    onSuccess: (view) => {
      queryClient.setQueryData(playlistKeys.detail(view.id), view);
      void refreshPlaylistLists(queryClient);
    },
  });
}
