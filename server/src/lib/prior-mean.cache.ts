/**
 * The Bayesian prior (mean of every album rating, in stars) held in process for a short time:
 * it moves slowly, and computing it reads the whole aggregate table.
 */
export class PriorMeanCache {
  private value: number | null = null;
  private loadedAt = 0;
  private pending: Promise<number> | null = null;

  constructor(
    private readonly load: () => Promise<number>,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached mean, reloading it (once, however many callers wait) when older than the TTL. */
  async get(): Promise<number> {
    if (this.value !== null && this.now() - this.loadedAt < this.ttlMs) return this.value;
    this.pending ??= this.load()
      .then((mean) => {
        this.value = mean;
        this.loadedAt = this.now();
        return mean;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
