/** The time source the HTTP layer waits with; tests inject one that does not really sleep. */
export interface ProviderClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: ProviderClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * What paces one connection's calls: every provider acting on the connection takes from the same
 * pacer, so two imports at once share the connection's rate instead of each getting it whole.
 */
export interface RequestPacer {
  /** Resolves when the caller may send one request. */
  take(): Promise<void>;
  /** Holds every caller of the connection back for `ms` (a 429's Retry-After applies to the whole connection). */
  pauseFor(ms: number): Promise<void>;
}

/**
 * Paces one connection's calls to `ratePerSecond` (bursts up to `burst`) so Muse stays under a service's
 * limit instead of hitting it; after a 429 every caller of the connection waits out the Retry-After.
 * Lives in one process; `SharedTokenBucket` keeps the same state in Redis for every process.
 */
export class TokenBucket implements RequestPacer {
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: ProviderClock,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('TokenBucket needs a positive rate and a burst of at least 1');
    this.tokens = burst;
    this.refilledAt = clock.now();
  }

  /** Resolves when the caller may send one request. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond);
      this.refilledAt = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000));
    }
  }

  /** Holds every caller back until `until` (a 429's Retry-After applies to the whole connection). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  async pauseFor(ms: number): Promise<void> {
    this.pauseUntil(this.clock.now() + ms);
  }
}
