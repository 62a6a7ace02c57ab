import type { EntryMoveInput } from '@muse/shared';
import { api } from '../../../lib/api-client';
import type { PlaylistEntriesWriteResult } from './playlist-cache';

/** Moves one entry to a 0-based position, based on `version` (stale → 409 with the current playlist). */
export async function moveEntry({
  playlistId,
  entryId,
  input,
}: {
  playlistId: string;
  entryId: string;
  input: EntryMoveInput;
}): Promise<PlaylistEntriesWriteResult> {
  return api.post<PlaylistEntriesWriteResult>(`/api/playlists/${encodeURIComponent(playlistId)}/entries/${encodeURIComponent(entryId)}/move`, input);
}
