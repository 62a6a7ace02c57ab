import { isAnyError } from './native-error';
/** Seconds a client is told to wait (Retry-After) when Redis or Postgres is unreachable. */
export const REDIS_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// What ioredis rejects a command with when it cannot reach Redis: not connected (offline
// queue off), out of reconnection attempts, past the command timeout, or closed mid-command.
const UNAVAILABLE_MESSAGES = [/^Stream isn't writeable/, /^Reached the max retries per request limit/, /^Command timed out$/, /^Connection is closed\.$/];

/** Whether `err` says Redis could not be reached (as opposed to a command Redis refused). */
export function isRedisUnavailableError(err: unknown): boolean {
  if (!isAnyError(err)) return false;
  return err.name === 'MaxRetriesPerRequestError' || UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(err.message));
}
