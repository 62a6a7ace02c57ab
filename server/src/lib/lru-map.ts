/**
 * A Map that holds at most `capacity` in total weight (each value weighs 1 unless `weigh` says
 * otherwise) and drops the least recently used values first. Maps iterate in insertion order, so
 * re-inserting a value on use keeps the oldest at the front. A value heavier than the whole
 * capacity is not kept. The one in-process keep-what-was-used-lately structure: the caches that
 * differ (versions, freshness) wrap it.
 */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  private weight = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /** The total weight held. */
  get heldWeight(): number {
    return this.weight;
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  /** The value without counting it as used. */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Keeps the value as the most recently used, dropping the least recently used past the capacity. */
  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.capacity) return;
    this.map.set(key, value);
    this.weight += weight;
    for (const [oldKey, oldValue] of this.map) {
      if (this.weight <= this.capacity) break;
      this.map.delete(oldKey);
      this.weight -= this.weigh(oldValue);
    }
  }

  delete(key: K): boolean {
    const value = this.map.get(key);
    if (value === undefined) return false;
    this.map.delete(key);
    this.weight -= this.weigh(value);
    return true;
  }
}
