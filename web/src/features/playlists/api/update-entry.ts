import type { EntryUpdateInput } from '@muse/shared';
import { api } from '../../../lib/api-client';
import type { PlaylistEntriesWriteResult } from './playlist-cache';

/** Sets or clears an entry's note, based on `version` (stale → 409 with the current playlist). */
export async function updateEntry({
  playlistId,
  entryId,
  input,
}: {
  playlistId: string;
  entryId: string;
  input: EntryUpdateInput;
}): Promise<PlaylistEntriesWriteResult> {
  return api.patch<PlaylistEntriesWriteResult>(`/api/playlists/${encodeURIComponent(playlistId)}/entries/${encodeURIComponent(entryId)}`, input);
}
