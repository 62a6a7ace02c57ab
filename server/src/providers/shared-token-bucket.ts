import type { Redis } from 'ioredis';
import type { Logger } from '../lib/logger';
import { type ProviderClock, realClock, type RequestPacer, type TokenBucket } from './token-bucket';

// TokenBucket's arithmetic on one Redis hash per connection, timed by Redis's own clock so every
// process agrees on it. Answers 0 when a token was taken, else the ms to wait before asking again.
const TAKE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'paused')
local paused = tonumber(state[3]) or 0
if now < paused then return paused - now end
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate * 1000) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return wait
`;

// Holds the connection back for ARGV[1] ms from Redis's now (a 429's Retry-After), keeping the hash that long.
const PAUSE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local resume = now + tonumber(ARGV[1])
if resume > (tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0) then redis.call('HSET', KEYS[1], 'paused', tostring(resume)) end
local keep = tonumber(ARGV[1]) + tonumber(ARGV[2])
if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
return 1
`;

const TAKE = 'museProviderPacingTake';
const PAUSE = 'museProviderPacingPause';

type RedisWithPacing = Redis & {
  [TAKE](key: string, rate: number, burst: number, keepMs: number): Promise<number>;
  [PAUSE](key: string, ms: number, keepMs: number): Promise<number>;
};

/** After Redis fails, pacing stays local this long before Redis is tried again, so a dead Redis costs calls no time. */
const LOCAL_AFTER_FAILURE_MS = 5_000;

export interface SharedPacingOptions {
  /** A fail-fast connection: while Redis is unreachable its commands must fail, not queue. */
  redis: Redis;
  /** The deployment's Redis key prefix. */
  prefix: string;
  logger: Logger;
  clock?: ProviderClock;
}

/**
 * Connection pacing shared by every process through Redis, so two workers importing from one
 * connection pace together as one. Redis is only a coordinator here: when it does not answer,
 * each bucket paces by its own process's `TokenBucket` (imports go on, each process at the full
 * rate), and Redis is tried again a few seconds later.
 */
export class SharedPacing {
  private readonly redis: RedisWithPacing;
  private readonly clock: ProviderClock;
  private localUntil = 0;

  constructor(private readonly o: SharedPacingOptions) {
    // EVALSHA with the script loaded again after NOSCRIPT; defining the commands twice on one connection is harmless.
    o.redis.defineCommand(TAKE, { numberOfKeys: 1, lua: TAKE_SCRIPT });
    o.redis.defineCommand(PAUSE, { numberOfKeys: 1, lua: PAUSE_SCRIPT });
    this.redis = o.redis as RedisWithPacing;
    this.clock = o.clock ?? realClock;
  }

  /** A pacer for `key` shared by every process, falling back to `local` (this process's bucket of the same key) while Redis is out. */
  bucket(key: string, ratePerSecond: number, burst: number, local: TokenBucket): RequestPacer {
    return new SharedTokenBucket(this, `${this.o.prefix}provider-pacing:${key}`, ratePerSecond, burst, local, this.clock);
  }

  /** The ms to wait before a token is free (0: one was taken), or null when Redis did not answer. */
  async take(redisKey: string, ratePerSecond: number, burst: number): Promise<number | null> {
    return this.ask(() => this.redis[TAKE](redisKey, ratePerSecond, burst, fullAfterMs(ratePerSecond, burst)));
  }

  /** Pauses the key for everyone; false when Redis did not answer. */
  async pause(redisKey: string, ms: number, ratePerSecond: number, burst: number): Promise<boolean> {
    return (await this.ask(() => this.redis[PAUSE](redisKey, Math.ceil(ms), fullAfterMs(ratePerSecond, burst)))) !== null;
  }

  private async ask(command: () => Promise<number>): Promise<number | null> {
    if (this.clock.now() < this.localUntil) return null;
    try {
      const answer = Number(await command());
      if (this.localUntil !== 0) {
        this.localUntil = 0;
        this.o.logger.info('provider pacing is shared through Redis again');
      }
      return answer;
    } catch (err) {
      if (this.localUntil === 0) this.o.logger.warn({ err }, 'Redis did not answer: provider calls are paced per process until it does');
      this.localUntil = this.clock.now() + LOCAL_AFTER_FAILURE_MS;
      return null;
    }
  }
}

/** After this long unused a bucket is full again, so Redis may forget it: idle connections cost no memory. */
function fullAfterMs(ratePerSecond: number, burst: number): number {
  return Math.ceil((burst / ratePerSecond) * 1000) + 1000;
}

/** One connection's bucket in Redis, or in this process while Redis is out. */
class SharedTokenBucket implements RequestPacer {
  constructor(
    private readonly pacing: SharedPacing,
    private readonly redisKey: string,
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly local: TokenBucket,
    private readonly clock: ProviderClock,
  ) {}

  async take(): Promise<void> {
    for (;;) {
      const wait = await this.pacing.take(this.redisKey, this.ratePerSecond, this.burst);
      if (wait === null) return this.local.take();
      if (wait <= 0) return;
      await this.clock.sleep(wait);
    }
  }

  async pauseFor(ms: number): Promise<void> {
    // Paused locally too, so a fall back to local pacing still waits the Retry-After out.
    await this.local.pauseFor(ms);
    await this.pacing.pause(this.redisKey, ms, this.ratePerSecond, this.burst);
  }
}
