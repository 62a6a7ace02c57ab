import type { Redis } from 'ioredis';
import { loadConfig } from '../config/config';
import { createFailFastRedis, redisReady } from '../config/infrastructure/redis-connections';
import { createLogger } from '../lib/logger';
import { createTestRedisPrefix } from '../testing/test-infra';
import { resolveProviderSetup } from './provider-config';
import { ProviderFactory } from './provider-factory';
import { signInSpotify, startTestSandbox } from './sandbox/sandbox-test-kit';
import { type ProviderSandbox } from './sandbox/start-sandbox';
import { SharedPacing } from './shared-token-bucket';
import { type ProviderClock, realClock, TokenBucket } from './token-bucket';

const redisPrefix = createTestRedisPrefix('pacing');
const logger = createLogger('silent');
const connections: Redis[] = [];
let sandbox: ProviderSandbox;
let credentials: { accessToken: string; refreshToken: string };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const tokens = await signInSpotify(sandbox);
  credentials = { accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
});
afterAll(async () => {
  await sandbox.stop();
  for (const c of connections) c.disconnect();
  await redisPrefix.cleanup();
});
beforeEach(() => sandbox.resetCalls());

/** A Redis connection of its own, as each process has. */
async function redisConnection(): Promise<Redis> {
  const redis = createFailFastRedis(redisPrefix.url);
  redis.on('error', () => undefined);
  connections.push(redis);
  await redisReady(redis);
  return redis;
}

/** The real clock, with every wait recorded (and a way to move `now` on, for the back-off after a Redis failure). */
function recordingClock() {
  const sleeps: number[] = [];
  let ahead = 0;
  const clock: ProviderClock = {
    now: () => Date.now() + ahead,
    sleep: (ms) => {
      sleeps.push(ms);
      return realClock.sleep(ms);
    },
  };
  return { clock, sleeps, advance: (ms: number) => (ahead += ms) };
}

/** One process's provider factory: 5 calls a second per connection, bursts of 2, paced through Redis. */
async function processFactory(clock: ProviderClock) {
  const pacing = new SharedPacing({ redis: await redisConnection(), prefix: redisPrefix.prefix, logger, clock });
  return new ProviderFactory(resolveProviderSetup(loadConfig({}), sandbox), { clock, requestsPerSecond: 5, burst: 2 }, undefined, pacing);
}

const meCalls = () => (sandbox.calls().spotify as Record<string, number> | undefined)?.['GET /v1/me'] ?? 0;

describe('per-connection pacing shared through Redis', () => {
  it('when two processes call on one connection at once, then they are paced as one bucket', async () => {
    const { clock, sleeps } = recordingClock();
    const [one, two] = [await processFactory(clock), await processFactory(clock)];
    const started = Date.now();
    // Each use makes its own provider, as each import or request does.
    const uses = [one, one, one, two, two, two].map((factory) => factory.createProvider('spotify', credentials, { connectionId: '7' }));
    await Promise.all(uses.map((provider) => provider.currentUser()));
    // Six calls, a burst of 2 and then 5 a second: at least 4 × 200 ms, whichever process made them.
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
    expect(sleeps.length).toBeGreaterThanOrEqual(4);
    expect(meCalls()).toBe(6);
  });

  it('when two processes call on different connections at once, then neither waits for the other', async () => {
    const { clock, sleeps } = recordingClock();
    const [one, two] = [await processFactory(clock), await processFactory(clock)];
    const uses = [
      one.createProvider('spotify', credentials, { connectionId: '8' }),
      one.createProvider('spotify', credentials, { connectionId: '8' }),
      two.createProvider('spotify', credentials, { connectionId: '9' }),
      two.createProvider('spotify', credentials, { connectionId: '9' }),
    ];
    await Promise.all(uses.map((provider) => provider.currentUser()));
    expect(sleeps).toEqual([]);
    expect(meCalls()).toBe(4);
  });

  it("when one process is told to wait out a 429, then the other process's calls on that connection wait too", async () => {
    const { clock, sleeps } = recordingClock();
    const one = new SharedPacing({ redis: await redisConnection(), prefix: redisPrefix.prefix, logger, clock });
    const two = new SharedPacing({ redis: await redisConnection(), prefix: redisPrefix.prefix, logger, clock });
    await one.bucket('spotify:connection:10', 5, 5, new TokenBucket(5, 5, clock)).pauseFor(300);
    const started = Date.now();
    await two.bucket('spotify:connection:10', 5, 5, new TokenBucket(5, 5, clock)).take();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(sleeps.length).toBeGreaterThanOrEqual(1);
  });

  it('when Redis does not answer, then calls still go out, paced by the process alone, and sharing resumes once Redis is back', async () => {
    const { clock, sleeps, advance } = recordingClock();
    const redis = await redisConnection();
    const pacing = new SharedPacing({ redis, prefix: redisPrefix.prefix, logger, clock });
    const bucket = pacing.bucket('spotify:connection:11', 5, 1, new TokenBucket(5, 1, clock));
    redis.disconnect();
    for (let i = 0; i < 3; i++) await bucket.take();
    // The local bucket (burst 1) spaced the second and third calls (a timer that fires a hair
    // early on a busy host adds a top-up sleep of a few ms, which is not a third spacing).
    expect(sleeps.filter((ms) => ms >= 100)).toHaveLength(2);
    const key = `${redisPrefix.prefix}provider-pacing:spotify:connection:11`;
    const observer = await redisConnection();
    expect(await observer.exists(key)).toBe(0);

    await redis.connect();
    await redisReady(redis);
    advance(10_000); // past the few seconds pacing stays local after a failure
    await bucket.take();
    expect(await observer.exists(key)).toBe(1);
  });
});
