import type { PlaylistView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshPlaylistLists } from './playlist-cache';
import { playlistKeys } from './playlist-keys';

/** The owner removes a collaborator or an invitation, or the user leaves or declines. */
export async function removeCollaborator({ id, userId }: { id: string; userId: string }): Promise<void> {
  await api.delete<void>(`/api/playlists/${encodeURIComponent(id)}/collaborators/${encodeURIComponent(userId)}`);
}

/**
 * Mutation that removes a collaborator: gone from the cached playlist at once, which is then read
 * again (someone who declined may no longer see it at all).
 */
export function useRemoveCollaborator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeCollaborator,
    onSuccess: (_result, { id, userId }) => {
      queryClient.setQueryData<PlaylistView>(playlistKeys.detail(id), (view) =>
        view ? { ...view, collaborators: view.collaborators.filter((c) => c.user.id !== userId) } : view,
      );
      void queryClient.invalidateQueries({ queryKey: playlistKeys.detail(id), exact: true });
      void refreshPlaylistLists(queryClient);
    },
  });
}
