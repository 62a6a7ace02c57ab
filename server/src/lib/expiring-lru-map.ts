import { LruMap } from './lru-map';

/**
 * An LruMap whose values also expire `ttlMs` after they were set: the in-process cache of things
 * that may be shown a little late (catalog rows, blob keys) but never later than that. An expired
 * value is dropped when it is next asked for.
 */
export class ExpiringLruMap<K, V> {
  private readonly values: LruMap<K, { value: V; until: number }>;

  /** `capacity` is a count of values, or a total weight when `weigh` says what each value weighs. */
  constructor(
    capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = () => Date.now(),
    weigh?: (value: V) => number,
  ) {
    this.values = new LruMap(capacity, weigh && ((kept) => weigh(kept.value)));
  }

  get size(): number {
    return this.values.size;
  }

  /** The value while it is fresh, now the most recently used. */
  get(key: K): V | undefined {
    const kept = this.values.get(key);
    if (!kept) return undefined;
    if (kept.until <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return kept.value;
  }

  set(key: K, value: V): void {
    this.values.set(key, { value, until: this.now() + this.ttlMs });
  }

  delete(key: K): boolean {
    return this.values.delete(key);
  }
}
