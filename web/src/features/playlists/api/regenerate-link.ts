import type { PlaylistView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { playlistKeys } from './playlist-keys';

/** Makes a link token for a playlist, or a new one so that old links stop working (owner only). */
export async function regenerateLink(id: string): Promise<{ linkToken: string }> {
  return api.post<{ linkToken: string }>(`/api/playlists/${encodeURIComponent(id)}/link`);
}

/** Mutation that makes a new link and puts it in the cached playlist. */
export function useRegenerateLink(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: playlistKeys.writeScope(id) },
    mutationFn: () => regenerateLink(id),
    onSuccess: ({ linkToken }) => {
      queryClient.setQueryData<PlaylistView>(playlistKeys.detail(id), (view) => (view ? { ...view, linkToken } : view));
      // The token is part of the document: the version moved on.
      void queryClient.invalidateQueries({ queryKey: playlistKeys.detail(id), exact: true });
    },
  });
}
