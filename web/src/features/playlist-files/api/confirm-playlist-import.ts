import type { PlaylistImportConfirmInput, PlaylistView } from '@muse/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Stores a previewed file as a new playlist; confirming the same preview again answers the same playlist. */
export function confirmPlaylistImport(input: PlaylistImportConfirmInput): Promise<PlaylistView> {
  return api.post<PlaylistView>('/api/playlist-imports/confirm', input);
}

export function useConfirmPlaylistImport() {
  return useMutation({ mutationFn: confirmPlaylistImport });
}
