import type { Redis } from 'ioredis';

// INCR and set the window on the first hit, atomically, and report the remaining window.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

const HIT_COMMAND = 'museRateLimitHit';

type RedisWithHit = Redis & { [HIT_COMMAND](key: string, windowSeconds: number): Promise<[number, number]> };

/** Fixed-window counters in Redis, shared by every api node. */
export class RateLimiter {
  private readonly redis: RedisWithHit;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    // Sent as EVALSHA (ioredis loads the script again after NOSCRIPT), so each hit carries a
    // digest instead of the script text. Defining it twice on one connection is harmless.
    redis.defineCommand(HIT_COMMAND, { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = redis as RedisWithHit;
  }

  /** Counts one hit on `key` and says whether it is within `max` per `windowSeconds`. */
  async hit(key: string, max: number, windowSeconds: number): Promise<RateLimitResult> {
    const [count, ttl] = await this.redis[HIT_COMMAND](this.key(key), windowSeconds);
    return { allowed: count <= max, count, retryAfterSeconds: Math.max(1, ttl) };
  }

  /** Reads a counter without counting. */
  async peek(key: string, max: number): Promise<RateLimitResult> {
    const k = this.key(key);
    const [count, ttl] = await Promise.all([this.redis.get(k), this.redis.ttl(k)]);
    const n = Number(count ?? 0);
    return { allowed: n < max, count: n, retryAfterSeconds: Math.max(1, ttl) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  private key(key: string): string {
    return `${this.prefix}rl:${key}`;
  }
}
