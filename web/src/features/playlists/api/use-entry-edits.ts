import type { PlaylistView } from '@muse/shared';
import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client';
import { getPlaylist } from './get-playlist';
import { moveEntry } from './move-entry';
import { mergeWriteResult, moveEntryInView, refreshPlaylistLists, removeEntryFromView, setEntryNote, type PlaylistEntriesWriteResult } from './playlist-cache';
import { playlistKeys } from './playlist-keys';
import { removeEntry } from './remove-entry';
import { updateEntry } from './update-entry';
import { PlaylistChangedError, writeOnVersion } from './version-conflict';

/** One change to one entry, as the user asked for it; `label` names the entry in messages. */
export type EntryEdit =
  | { type: 'move'; entryId: string; position: number; label: string }
  | { type: 'note'; entryId: string; note: string | null; label: string }
  | { type: 'remove'; entryId: string; label: string };

/** `saved` (perhaps re-applied to a newer version), or `gone`: the entry was removed meanwhile and `next` is the current playlist. */
export interface EntryEditOutcome {
  status: 'saved' | 'gone';
  edit: EntryEdit;
  rebased: boolean;
  next: PlaylistView;
}

/** `view` with the edit made; making it twice changes nothing more, so a pending edit may be shown over a view that already has it. */
export function applyEntryEdit(view: PlaylistView, edit: EntryEdit): PlaylistView {
  if (edit.type === 'move') return moveEntryInView(view, edit.entryId, edit.position);
  if (edit.type === 'note') return setEntryNote(view, edit.entryId, edit.note);
  return removeEntryFromView(view, edit.entryId);
}

function sendVersioned(playlistId: string, edit: Exclude<EntryEdit, { type: 'remove' }>, doc: PlaylistView): Promise<PlaylistEntriesWriteResult> {
  if (edit.type === 'note') return updateEntry({ playlistId, entryId: edit.entryId, input: { version: doc.version, note: edit.note } });
  // The same place in the current playlist, or its end when it has fewer entries now.
  const position = Math.max(0, Math.min(edit.position, doc.entries.length - 1));
  return moveEntry({ playlistId, entryId: edit.entryId, input: { version: doc.version, position } });
}

/** The API answers 404 `not_found` for an entry that is not (or no longer) in the playlist. */
const isEntryMissing = (error: unknown) => isApiError(error, 'not_found');

async function runEdit(playlistId: string, base: PlaylistView, edit: EntryEdit): Promise<EntryEditOutcome & { stale: boolean }> {
  if (edit.type === 'remove') {
    try {
      const result = await removeEntry({ playlistId, entryId: edit.entryId });
      // Removing needs no version: when others wrote meanwhile, this copy is behind and is read again.
      return { status: 'saved', edit, rebased: false, next: mergeWriteResult(applyEntryEdit(base, edit), result), stale: result.version !== base.version + 1 };
    } catch (error) {
      // Already removed (by someone else): what the user wanted is done; read what else changed.
      if (!isEntryMissing(error)) throw error;
      return { status: 'saved', edit, rebased: false, next: applyEntryEdit(base, edit), stale: true };
    }
  }
  try {
    const write = await writeOnVersion(
      base,
      (doc) => sendVersioned(playlistId, edit, doc),
      (current) => current.entries.some((entry) => entry.id === edit.entryId),
    );
    if (write.status === 'gone') return { status: 'gone', edit, rebased: false, next: write.current, stale: false };
    return { status: 'saved', edit, rebased: write.rebased, next: mergeWriteResult(applyEntryEdit(write.base, edit), write.result), stale: false };
  } catch (error) {
    if (!isEntryMissing(error)) throw error;
    return { status: 'gone', edit, rebased: false, next: await getPlaylist(playlistId), stale: false };
  }
}

/**
 * Moves, notes and removals of a playlist's entries. They run one after another (each reads the
 * version the previous one left), a stale version is merged as `writeOnVersion` says, and the
 * cached playlist takes the outcome. Callers show the pending ones with `usePendingEntryEdits`.
 */
export function useEntryEdits(playlistId: string) {
  const queryClient = useQueryClient();
  const key = playlistKeys.detail(playlistId);
  return useMutation({
    mutationKey: playlistKeys.entryEdits(playlistId),
    scope: { id: playlistKeys.writeScope(playlistId) },
    mutationFn: async (edit: EntryEdit): Promise<EntryEditOutcome> => {
      // A read already on its way holds the playlist as it was before this edit: it must not land after it.
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const base = queryClient.getQueryData<PlaylistView>(key);
      if (!base) throw new Error('The playlist is not loaded yet.');
      const { stale, ...outcome } = await runEdit(playlistId, base, edit);
      queryClient.setQueryData(key, outcome.next);
      if (stale) void queryClient.invalidateQueries({ queryKey: key, exact: true });
      return outcome;
    },
    onSuccess: () => {
      // Not awaited: the next edit in the queue should not wait for lists nobody is looking at.
      void refreshPlaylistLists(queryClient);
    },
    onError: (error) => {
      if (error instanceof PlaylistChangedError) queryClient.setQueryData(key, error.current);
    },
  });
}

/** The entry edits still on their way, oldest first, to show over the saved playlist. */
export function usePendingEntryEdits(playlistId: string): EntryEdit[] {
  return useMutationState({
    filters: { mutationKey: playlistKeys.entryEdits(playlistId), status: 'pending' },
    select: (mutation) => mutation.state.variables as EntryEdit,
  });
}
