import { randomBytes } from 'node:crypto';
import type { EntrySnapshot } from '@muse/shared';
import { newEntryId } from './playlist-input';
import type { NewPlaylist, PlaylistDocument, PlaylistRepository, PlaylistWrite, StoredEntry } from './playlist-store.port';

/** What the playlist contract runs against: the adapter with its real limit, and the same adapter with a limit of 5. */
export interface PlaylistContractStores {
  playlists: PlaylistRepository;
  small: PlaylistRepository;
}

/** A user id no other test uses, so each test reads only its own documents from the shared store. */
export function someone(label = 'user'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

/** An entry as the service would store it; `title` also names it in assertions. */
export function entry(title: string, extra: Omit<Partial<StoredEntry>, 'snapshot'> & { snapshot?: Partial<EntrySnapshot> } = {}): StoredEntry {
  const { snapshot, ...rest } = extra;
  return {
    id: newEntryId(),
    trackId: null,
    albumId: null,
    snapshot: { title, artists: ['Björk'], ...snapshot },
    serviceIds: {},
    note: null,
    addedBy: 'curator',
    addedAt: new Date(Math.floor(Date.now() / 1000) * 1000),
    ...rest,
  };
}

/** `count` entries titled `${prefix}0`, `${prefix}1`, ... */
export function entries(count: number, prefix = 't'): StoredEntry[] {
  return Array.from({ length: count }, (_, i) => entry(`${prefix}${i}`));
}

/** The titles of a document's entries, in order. */
export function titles(doc: PlaylistDocument): string[] {
  return doc.entries.map((e) => e.snapshot.title);
}

/** A public playlist of `ownerId` with the given fields. */
export function newPlaylist(ownerId: string, fields: Partial<NewPlaylist> = {}): NewPlaylist {
  return { ownerId, kind: 'playlist', title: 'Late night', visibility: 'public', ...fields };
}

/** The document of a write that must have succeeded. */
export function ok(write: PlaylistWrite): PlaylistDocument {
  expect(write.status).toBe('ok');
  if (write.status !== 'ok') throw new Error(`expected ok, got ${write.status}`);
  return write.doc;
}

/** The document a refused write carries, after checking why it was refused. */
export function refused(write: PlaylistWrite, status: Exclude<PlaylistWrite['status'], 'ok' | 'not_found'>): PlaylistDocument {
  expect(write.status).toBe(status);
  if (write.status !== status) throw new Error(`expected ${status}, got ${write.status}`);
  return (write as { doc: PlaylistDocument }).doc;
}

/** Well-formed UUID that names no document; and ids that are not ids at all. */
export const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';
export const MALFORMED_IDS = ['not-an-id', '', "'; DROP TABLE doc_playlists; --", '01900000-0000-7000-8000-00000000000Z', '{"$gt":""}'];
