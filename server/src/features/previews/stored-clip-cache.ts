import { LruMap } from '../../lib/lru-map';

/**
 * The blob keys of tracks whose clip is stored, kept in this process for a few minutes so the
 * range requests of a playing clip (a seek, the next 64 KB) skip the database. Safe to keep on
 * each api node: a key names its bytes and never changes; a clip that vanished from the store is
 * noticed by the request that misses it, which drops the entry. The least recently played go
 * first once `maxEntries` are kept.
 */
export class StoredClipCache {
  private readonly entries: LruMap<string, { key: string; until: number }>;

  constructor(
    maxEntries = 10_000,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new LruMap(maxEntries);
  }

  get(trackId: string): string | null {
    const entry = this.entries.get(trackId);
    if (!entry) return null;
    if (entry.until <= this.now()) {
      this.entries.delete(trackId);
      return null;
    }
    return entry.key;
  }

  set(trackId: string, key: string): void {
    this.entries.set(trackId, { key, until: this.now() + this.ttlMs });
  }

  delete(trackId: string): void {
    this.entries.delete(trackId);
  }
}
