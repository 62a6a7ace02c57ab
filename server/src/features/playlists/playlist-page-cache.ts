import type { PlaylistDocument } from '../../docstore/playlist-store.port';
import type { SharedEntryView } from './playlist-views';
import { LruMap } from '../../lib/lru-map';

/** Entries the pages one process keeps may hold in all: a few hundred large pages, some tens of MB. */
export const PAGE_CACHE_ENTRIES = 100_000;
/** How long the catalog's part of a kept page (albums, community stars) is fresh; after that it is read again in the background. */
export const PAGE_CACHE_TTL_MS = 10_000;
/** How long a stale page may still be answered while it is being read again; older ones are rebuilt before answering. */
export const PAGE_CACHE_MAX_AGE_MS = 60_000;

/** A playlist at one version with what every viewer sees of its entries. */
export interface CachedPage {
  doc: PlaylistDocument;
  shared: SharedEntryView[];
}

/** A kept page, and whether its catalog part is due to be read again. */
export interface KeptPage {
  page: CachedPage;
  stale: boolean;
}

interface Kept extends CachedPage {
  storedAt: number;
}

/**
 * Keeps recently shown playlist pages in this process, by id and version. Every write to a
 * playlist moves its version on, so a kept page is never an older document than the one asked
 * for; what the catalog adds (each entry's album and community stars) is fresh for `ttlMs`,
 * then answered as `stale` (the caller reads it again in the background) up to `maxAgeMs`, so a
 * page shows new ratings a few seconds late as a rule and never more than `maxAgeMs` late. A
 * page kept for an older version than the one kept already is ignored (a slow background read
 * never replaces what a write put there). Nothing that depends on the
 * viewer (access, their own ratings, likes, permissions, people's names) is kept: it is read on
 * every request. Pages are frozen, so a caller that tried to change one would throw instead of
 * changing what other requests see. Least recently shown pages go first once the entries kept
 * pass `capacity`.
 */
export class PlaylistPageCache {
  private readonly pages: LruMap<string, Kept>;

  constructor(
    capacity = PAGE_CACHE_ENTRIES,
    private readonly ttlMs = PAGE_CACHE_TTL_MS,
    private readonly maxAgeMs = PAGE_CACHE_MAX_AGE_MS,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.pages = new LruMap(capacity, (kept) => kept.doc.entries.length);
  }

  /** The page of this playlist at exactly this version, if it is kept and not too old. */
  get(id: string, version: number): KeptPage | null {
    const kept = this.pages.peek(id);
    if (!kept) return null;
    const age = this.now() - kept.storedAt;
    if (kept.doc.version !== version || age > this.maxAgeMs) {
      this.pages.delete(id);
      return null;
    }
    this.pages.get(id);
    return { page: kept, stale: age > this.ttlMs };
  }

  /** Keeps a page; one larger than the whole capacity is not kept. */
  set(page: CachedPage): void {
    const old = this.pages.peek(page.doc.id);
    if (old && old.doc.version > page.doc.version) return;
    for (const e of page.doc.entries) Object.freeze(e);
    for (const e of page.shared) Object.freeze(e);
    Object.freeze(page.doc.entries);
    Object.freeze(page.shared);
    this.pages.set(page.doc.id, { doc: Object.freeze(page.doc), shared: page.shared, storedAt: this.now() });
  }

  /** Forgets a playlist's page (it was deleted). */
  forget(id: string): void {
    this.pages.delete(id);
  }
}
