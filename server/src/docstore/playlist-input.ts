import { randomBytes } from 'node:crypto';
import { PLAYLIST_LIMITS, PlaylistKindSchema, PlaylistVisibilitySchema } from '@muse/shared';
import { uuidv7 } from '../lib/ids';
import { foldText } from '../lib/music-text';
import type { NewPlaylist, PlaylistDocument, PlaylistFilter, PlaylistWrite, StoredEntry } from './playlist-store.port';

/** Both adapters' entry limit unless a test sets a smaller one: Spotify's, so any playlist here can go there. */
export const DEFAULT_MAX_ENTRIES: number = PLAYLIST_LIMITS.entries;

/** What both playlist adapters are built with. */
export interface PlaylistStoreOptions {
  /** The most entries a document may hold; 10,000 by default. */
  maxEntries?: number;
}

/** The entry limit an adapter enforces, refusing nonsense rather than storing unbounded documents. */
export function maxEntriesOf(options: PlaylistStoreOptions): number {
  const max = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxEntries must be a positive integer, got ${max}`);
  return max;
}

/** A new entry id: 12 base64url characters (72 random bits), unique within a playlist for any realistic size. */
export function newEntryId(): string {
  return randomBytes(9).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ENTRY_ID = /^[A-Za-z0-9_-]{8,40}$/;

/** Playlist ids are UUIDs; anything else names no playlist, so adapters answer "absent" without asking the database. */
export function isPlaylistId(id: string): boolean {
  return typeof id === 'string' && UUID.test(id);
}

/**
 * Entries about to be stored: well-formed, distinct ids, and dates that are dates. A broken entry
 * is a programming error upstream (the API validates what people send), so it throws.
 */
export function checkEntries(entries: StoredEntry[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!ENTRY_ID.test(entry.id)) throw new TypeError(`malformed entry id ${JSON.stringify(entry.id)}`);
    if (seen.has(entry.id)) throw new TypeError(`entry id ${entry.id} appears twice`);
    seen.add(entry.id);
    if (!(entry.addedAt instanceof Date) || Number.isNaN(entry.addedAt.getTime())) throw new TypeError(`entry ${entry.id} has no valid addedAt`);
    if (!entry.addedBy) throw new TypeError(`entry ${entry.id} has no addedBy`);
  }
}

/** Validates a new playlist and gives it its id, version 1, times and entry count; both adapters store exactly this. */
export function buildPlaylist(input: NewPlaylist, maxEntries: number): PlaylistDocument {
  if (!input.ownerId) throw new TypeError('a playlist needs an owner');
  const kind = PlaylistKindSchema.parse(input.kind);
  const visibility = PlaylistVisibilitySchema.parse(input.visibility);
  const entries = input.entries ?? [];
  if (entries.length > maxEntries) throw new RangeError(`a playlist holds at most ${maxEntries} entries, got ${entries.length}`);
  checkEntries(entries);
  const createdAt = input.createdAt ?? new Date();
  return {
    id: uuidv7(createdAt.getTime()),
    ownerId: input.ownerId,
    kind,
    title: input.title,
    description: input.description ?? '',
    ranked: input.ranked ?? false,
    visibility,
    sharedWith: distinct(input.sharedWith ?? []),
    linkToken: input.linkToken ?? null,
    collaborators: [],
    clonedFrom: input.clonedFrom ?? null,
    version: 1,
    entryCount: entries.length,
    createdAt,
    updatedAt: createdAt,
    entries,
  };
}

/** The same ids once each, in their first order (a share list is a set). */
export function distinct(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** The form titles are searched in: case, accents and punctuation folded away (as the catalog's matcher does). */
export function titleSearchText(title: string): string {
  return foldText(title);
}

/** Shorter words are left out of title searches: a trigram index cannot find them, so each would read every playlist. */
export const TITLE_WORD_MIN_LENGTH = 3;

/**
 * The words a title query asks for, folded like the titles, each at least
 * TITLE_WORD_MIN_LENGTH characters. A query with no such words (only punctuation or
 * one-letter words, say) yields none, and a filter with no words matches nothing.
 */
export function titleQueryWords(query: string): string[] {
  return titleSearchText(query)
    .split(' ')
    .filter((word) => Array.from(word).length >= TITLE_WORD_MIN_LENGTH);
}

/** How many playlists matching a title query are looked at, newest first among them: a common word must not sort every match. */
export const TITLE_MATCHES_READ = 200;

/** Whether a filter can match anything at all (an empty "any of" list matches nothing). */
export function filterCanMatch(filter: PlaylistFilter): boolean {
  if (filter.ids && filter.ids.filter(isPlaylistId).length === 0) return false;
  if (filter.ownerIds && filter.ownerIds.length === 0) return false;
  if (filter.visibilities && filter.visibilities.length === 0) return false;
  if (filter.sharedWith !== undefined && filter.visibilities && !filter.visibilities.includes('people')) return false;
  if (filter.titleQuery !== undefined && titleQueryWords(filter.titleQuery).length === 0) return false;
  return true;
}

/** A page size both adapters honour: 1 to 200. */
export function listLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(1, Math.min(200, Math.floor(limit))) : 200;
}

/** How many leading entries a list carries: 0 up to the whole document. */
export function leadingEntries(n: number | undefined, maxEntries: number): number {
  return n !== undefined && Number.isFinite(n) ? Math.max(0, Math.min(maxEntries, Math.floor(n))) : 0;
}

/** A page cursor is honoured only when it is a real time and a well-formed id; garbage starts from the top. */
export function validAfter(after: { at: Date; id: string } | undefined): { at: Date; id: string } | undefined {
  if (!after || !(after.at instanceof Date) || Number.isNaN(after.at.getTime()) || !isPlaylistId(after.id)) return undefined;
  return after;
}

/** A 0-based position clamped to what any document can hold, so the database never sees an absurd number. */
export function clampPosition(position: number, maxEntries: number): number {
  return Number.isFinite(position) ? Math.max(0, Math.min(maxEntries, Math.floor(position))) : maxEntries;
}

/** A collaborator limit both adapters accept. */
export function checkCollaboratorLimit(max: number): void {
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`the collaborator limit must be a non-negative integer, got ${max}`);
}

/** Reasons a single-statement write can match no document, most telling first. */
type Refusal = 'full' | 'entry_not_found' | 'too_many_collaborators';

/**
 * Tells apart why a conditional write touched nothing, from the document as it is now: gone,
 * based on a stale version (the newer version is why the entry may be missing), or `otherwise`.
 */
export function explainRefusal(current: PlaylistDocument | null, expectedVersion: number | undefined, otherwise: Refusal): PlaylistWrite {
  if (!current) return { status: 'not_found' };
  if (expectedVersion !== undefined && current.version !== expectedVersion) return { status: 'conflict', doc: current };
  return { status: otherwise, doc: current };
}

/**
 * An entry as either adapter reads it back: fields a stored entry may lack (older documents, a
 * hand-written row) get their empty value, and the time becomes a Date whatever it was stored as.
 */
export function readStoredEntry(e: Omit<StoredEntry, 'addedAt'> & { addedAt: Date | string }): StoredEntry {
  return {
    id: e.id,
    trackId: e.trackId ?? null,
    albumId: e.albumId ?? null,
    snapshot: e.snapshot,
    serviceIds: e.serviceIds ?? {},
    note: e.note ?? null,
    addedBy: e.addedBy,
    addedAt: new Date(e.addedAt),
  };
}
