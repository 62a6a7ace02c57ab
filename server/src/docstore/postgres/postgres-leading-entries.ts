import { LruMap } from '../../lib/lru-map';
import type { StoredEntry } from '../playlist-store.port';

/** Documents whose first entries one process keeps: a few KB each. */
export const LEADING_ENTRIES_KEPT = 5_000;

interface Kept {
  version: number;
  /** The first entries at that version: as many as were asked for, or all when there are fewer. */
  entries: readonly StoredEntry[];
  /** The document holds no more entries than these. */
  complete: boolean;
}

/**
 * The first entries of recently listed playlists, by id and version. Postgres cannot take the
 * first few elements of a compressed JSONB array without decompressing all of it, so listing a
 * page of playlists with their cover entries decompressed every listed document, a 5,000-entry
 * one included, on every request. Every write moves a document's version on, so entries kept for
 * a version are the entries of that version: nothing here is ever stale. Kept entries are frozen;
 * the least recently listed documents go first once more than `capacity` are kept.
 */
export class LeadingEntriesCache {
  private readonly kept: LruMap<string, Kept>;

  constructor(capacity = LEADING_ENTRIES_KEPT) {
    this.kept = new LruMap(capacity);
  }

  /** The first `n` entries of the document at this version, when they are kept. */
  get(id: string, version: number, n: number): StoredEntry[] | null {
    const kept = this.kept.peek(id);
    if (!kept || kept.version !== version || (kept.entries.length < n && !kept.complete)) return null;
    this.kept.get(id);
    return kept.entries.slice(0, n);
  }

  /** Keeps the first entries read for a version, of which `asked` were asked for. */
  set(id: string, version: number, entries: StoredEntry[], asked: number): void {
    for (const e of entries) Object.freeze(e);
    this.kept.set(id, { version, entries: Object.freeze(entries), complete: entries.length < asked });
  }
}
