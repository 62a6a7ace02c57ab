import { Redis, type RedisOptions } from 'ioredis';
import { installStallTolerantCommandTimeout } from './stall-tolerant-command-timeout';

/** How long a command that a request waits on may take before it fails (and the request answers 503). */
export const REDIS_COMMAND_TIMEOUT_MS = 2_000;
const READY_TIMEOUT_MS = 10_000;

/**
 * A connection for commands that requests wait on (sessions, rate limits, caches, domain events,
 * job enqueues). While Redis is unreachable its commands fail at once (no offline queue) or
 * within REDIS_COMMAND_TIMEOUT_MS, never after ioredis's 20 reconnection attempts; it keeps
 * reconnecting meanwhile, so it recovers by itself when Redis returns.
 */
export function createFailFastRedis(url: string, options: Pick<RedisOptions, 'enableAutoPipelining'> = {}): Redis {
  // A reply that arrived while the event loop was busy is a reply, not a timeout.
  installStallTolerantCommandTimeout();
  return new Redis(url, {
    ...options,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
  });
}

/**
 * A connection for readers that block (BullMQ workers, stream consumers): its commands wait for
 * Redis to come back instead of failing, which BullMQ requires of its workers' connections.
 */
export function createBlockingRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * Resolves once `redis` is connected. A fail-fast connection refuses commands until then, so a
 * process waits for this before serving.
 */
export function redisReady(redis: Redis, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis did not accept a connection within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
