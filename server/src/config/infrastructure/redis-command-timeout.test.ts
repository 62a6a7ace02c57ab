import { Redis } from 'ioredis';
import { startTestRedisServer } from '../../testing/redis-process';
import { installStallTolerantCommandTimeout } from './stall-tolerant-command-timeout';

/** Keeps the event loop busy for `ms`, as a long synchronous task would. */
function stall(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

describe('the Redis command timeout (installStallTolerantCommandTimeout)', () => {
  beforeAll(() => installStallTolerantCommandTimeout());

  it('when the event loop stalls past the timeout while a reply is on its way, then the command still answers', async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL!, { commandTimeout: 100, maxRetriesPerRequest: 1 });
    try {
      await redis.ping();
      const outcomes: string[] = [];
      for (let i = 0; i < 10; i++) {
        const answer = redis.ping().then(
          (reply) => outcomes.push(reply),
          (error: Error) => outcomes.push(error.message),
        );
        stall(300);
        await answer;
      }
      // Without the installation about half of them are "Command timed out".
      expect(outcomes).toEqual(Array(10).fill('PONG'));
    } finally {
      redis.disconnect();
    }
  });

  it('when Redis is connected but hung, then a command still fails with "Command timed out" soon after the timeout, and the connection answers again once Redis goes on', async () => {
    const server = await startTestRedisServer();
    const redis = new Redis(server.url, { commandTimeout: 200, maxRetriesPerRequest: 1 });
    try {
      await redis.ping();
      server.freeze();
      const started = Date.now();
      await expect(redis.get('anything')).rejects.toThrow('Command timed out');
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(190);
      expect(waited).toBeLessThan(5_000);
      server.thaw();
      await expect(redis.ping()).resolves.toBe('PONG');
    } finally {
      server.thaw();
      redis.disconnect();
      await server.stop();
    }
  });
});
