import { ExpiringLruMap } from '../../lib/expiring-lru-map';
import type { PreparedQuery, SearchHitRows } from './search.repo';

/**
 * Catalog rows one process keeps in the answers of recent searches (each answer weighs its rows,
 * plus one): about 5,000 searches with the search box's 8 a group, and a bound that searches
 * asking 50 a group cannot pass (each row is a frozen object of a KB or less).
 */
export const CATALOG_HITS_ROWS_KEPT = 80_000;
/** How long a kept catalog answer is shown when catalog changes are not marked: new albums and new stars show up at most this late. */
export const CATALOG_HITS_TTL_MS = 10_000;
/**
 * How long when they are (SearchVersions: an added album is found at once): what is left to show
 * late are new stars in the search list (the album page has them live) and the end of a
 * pre-release embargo on them.
 */
export const MARKED_CATALOG_HITS_TTL_MS = 60_000;

/** The catalog's part of a search (albums, artists, tracks), with the query as prepared for it. */
export interface CatalogHits {
  /** Null when the text holds nothing searchable. */
  prepared: PreparedQuery | null;
  hits: Pick<SearchHitRows, 'albums' | 'artists' | 'tracks'>;
}

/**
 * The catalog part of recent searches, by the exact text, groups, filters and limit asked. The
 * search box asks on every keystroke and people type the same beginnings, so most searches are
 * asked again within seconds. Only what is the same for every viewer and changes slowly is kept:
 * people (who may be suspended, deleted or renamed at any moment) and playlists (held to each
 * viewer's access) are read on every search. Kept answers are frozen.
 */
export class CatalogHitsCache {
  private readonly kept: ExpiringLruMap<string, CatalogHits>;

  constructor(ttlMs = CATALOG_HITS_TTL_MS, now: () => number = () => Date.now()) {
    this.kept = new ExpiringLruMap(CATALOG_HITS_ROWS_KEPT, ttlMs, now, rowsOf);
  }

  get(key: string): CatalogHits | null {
    return this.kept.get(key) ?? null;
  }

  set(key: string, value: CatalogHits): void {
    for (const rows of Object.values(value.hits)) {
      for (const row of rows) Object.freeze(row);
      Object.freeze(rows);
    }
    this.kept.set(key, Object.freeze(value));
  }
}

/** What a kept answer weighs: its rows, and one for the answer itself (an empty one too). */
function rowsOf(value: CatalogHits): number {
  return 1 + value.hits.albums.length + value.hits.artists.length + value.hits.tracks.length;
}
