import type { PlaylistEntriesPage, PlaylistEntryView, PlaylistView } from '@muse/shared';
import type { QueryClient } from '@tanstack/react-query';

/** What every entry write answers: the new version and count, and the entries it touched. */
export interface PlaylistEntriesWriteResult {
  version: number;
  entryCount: number;
  entries: PlaylistEntryView[];
}

/**
 * `entries` in this order, numbered again when the list is ranked. The view may hold only the first
 * pages of a long playlist: entries taken out of (or put into) those pages change the total and
 * where the next page starts by as many.
 */
export function withEntries(view: PlaylistView, entries: PlaylistEntryView[]): PlaylistView {
  const numbered = view.ranked ? entries.map((entry, index) => (entry.rank === index + 1 ? entry : { ...entry, rank: index + 1 })) : entries;
  const delta = entries.length - view.entries.length;
  return { ...view, entries: numbered, entryCount: view.entryCount + delta, entriesNext: view.entriesNext === null ? null : view.entriesNext + delta };
}

/**
 * The next page of entries put after those the view holds, when both are of the same version and the
 * page starts where the view ends; null when they do not fit together (the playlist changed meanwhile).
 */
export function withNextEntries(view: PlaylistView, page: PlaylistEntriesPage): PlaylistView | null {
  if (page.version !== view.version || page.offset !== view.entriesNext) return null;
  return { ...view, entries: [...view.entries, ...page.entries], entryCount: page.entryCount, entriesNext: page.next };
}

/** A copy of `items` with the item at `from` moved to `to` (clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(target, 0, moved);
  return next;
}

/** The entry `entryId` moved to the 0-based `position`; unchanged when it is not there. */
export function moveEntryInView(view: PlaylistView, entryId: string, position: number): PlaylistView {
  const from = view.entries.findIndex((entry) => entry.id === entryId);
  return from === -1 ? view : withEntries(view, moveItem(view.entries, from, position));
}

/** The entry's note replaced (null clears it). */
export function setEntryNote(view: PlaylistView, entryId: string, note: string | null): PlaylistView {
  return { ...view, entries: view.entries.map((entry) => (entry.id === entryId ? { ...entry, note } : entry)) };
}

/** The entry taken out. */
export function removeEntryFromView(view: PlaylistView, entryId: string): PlaylistView {
  return withEntries(
    view,
    view.entries.filter((entry) => entry.id !== entryId),
  );
}

/** The server's copies of the entries a write touched put in place, with its version. */
export function mergeWriteResult(view: PlaylistView, result: PlaylistEntriesWriteResult): PlaylistView {
  const written = new Map(result.entries.map((entry) => [entry.id, entry]));
  const entries = view.entries.map((entry) => {
    const fresh = written.get(entry.id);
    // The rank follows the position this view holds, which already reflects the write.
    return fresh ? { ...fresh, rank: entry.rank } : entry;
  });
  return { ...view, entries, version: result.version };
}

/**
 * After a write the index, Discover and profile lists may show stale counts, covers or order;
 * they are read again when next shown.
 */
export async function refreshPlaylistLists(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['playlists', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['playlists', 'discover'] }),
    queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'users' && query.queryKey[2] === 'playlists' }),
  ]);
}
