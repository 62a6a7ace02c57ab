import { type ProviderClock } from '../token-bucket';

/**
 * A clock for provider tests: it starts at the real time (tokens it dates stay valid for the sandbox)
 * and its sleeps return at once while moving it forward, so Retry-After and backoff waits cost nothing
 * yet stay observable in `sleeps`.
 */
export function fakeClock(start = Date.now()): { clock: ProviderClock; sleeps: number[]; waited: () => number } {
  let t = start;
  const sleeps: number[] = [];
  return {
    clock: {
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
    },
    sleeps,
    waited: () => sleeps.reduce((a, b) => a + b, 0),
  };
}
