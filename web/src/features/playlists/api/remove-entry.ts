import { api } from '../../../lib/api-client';
import type { PlaylistEntriesWriteResult } from './playlist-cache';

/** Removes one entry (owner or accepted collaborator). */
export async function removeEntry({ playlistId, entryId }: { playlistId: string; entryId: string }): Promise<PlaylistEntriesWriteResult> {
  return api.delete<PlaylistEntriesWriteResult>(`/api/playlists/${encodeURIComponent(playlistId)}/entries/${encodeURIComponent(entryId)}`);
}
