import type { EntriesAddInput } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshPlaylistLists, type PlaylistEntriesWriteResult } from './playlist-cache';
import { playlistKeys } from './playlist-keys';

/** Appends a track, an album (lists) or many entries at once; needs no version, so concurrent adders both keep theirs. */
export async function addEntries({ playlistId, input }: { playlistId: string; input: EntriesAddInput }): Promise<PlaylistEntriesWriteResult> {
  return api.post<PlaylistEntriesWriteResult>(`/api/playlists/${encodeURIComponent(playlistId)}/entries`, input);
}

/** Mutation adding to any of the user's playlists; that playlist's page is read again when next opened. */
export function useAddEntries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addEntries,
    onSuccess: (_result, { playlistId }) => {
      void queryClient.invalidateQueries({ queryKey: playlistKeys.detail(playlistId), exact: true });
      void refreshPlaylistLists(queryClient);
    },
  });
}
