import { ExpiringLruMap } from '../../lib/expiring-lru-map';

/**
 * The blob keys of tracks whose clip is stored, kept in this process for a few minutes so the
 * range requests of a playing clip (a seek, the next 64 KB) skip the database. Safe to keep on
 * each api node: a key names its bytes and never changes; a clip that vanished from the store is
 * noticed by the request that misses it, which drops the entry. The least recently played go
 * first once `maxEntries` are kept.
 */
export class StoredClipCache {
  private readonly entries: ExpiringLruMap<string, string>;

  constructor(maxEntries = 10_000, ttlMs = 5 * 60_000, now: () => number = Date.now) {
    this.entries = new ExpiringLruMap(maxEntries, ttlMs, now);
  }

  get(trackId: string): string | null {
    return this.entries.get(trackId) ?? null;
  }

  set(trackId: string, key: string): void {
    this.entries.set(trackId, key);
  }

  delete(trackId: string): void {
    this.entries.delete(trackId);
  }
}
