import type { PlaylistUpdateInput, PlaylistView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshPlaylistLists } from './playlist-cache';
import { playlistKeys } from './playlist-keys';
import { PlaylistChangedError, writeOnVersion } from './version-conflict';

/** The owner's changes: title, description, ranked, visibility, the people it is shared with. */
export type PlaylistChanges = Omit<PlaylistUpdateInput, 'version'>;

/** Changes a playlist, based on `version` (stale → 409 with the current playlist). */
export async function updatePlaylist({ id, input }: { id: string; input: PlaylistUpdateInput }): Promise<PlaylistView> {
  return api.patch<PlaylistView>(`/api/playlists/${encodeURIComponent(id)}`, input);
}

/**
 * Mutation for the owner's edits. It queues behind entry edits of the same playlist, and when
 * someone changed the playlist meanwhile the same changes are sent again on the current version
 * (they name whole fields, so they still apply).
 */
export function useUpdatePlaylist(id: string) {
  const queryClient = useQueryClient();
  const key = playlistKeys.detail(id);
  return useMutation({
    scope: { id: playlistKeys.writeScope(id) },
    mutationFn: async (changes: PlaylistChanges): Promise<PlaylistView> => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const base = queryClient.getQueryData<PlaylistView>(key);
      if (!base) throw new Error('The playlist is not loaded yet.');
      const write = await writeOnVersion(
        base,
        (doc) => updatePlaylist({ id, input: { ...changes, version: doc.version } }),
        () => true,
      );
      return write.status === 'saved' ? write.result : write.current;
    },
    onSuccess: (view) => {
      queryClient.setQueryData(key, view);
      void refreshPlaylistLists(queryClient);
    },
    onError: (error) => {
      if (error instanceof PlaylistChangedError) queryClient.setQueryData(key, error.current);
    },
  });
}
