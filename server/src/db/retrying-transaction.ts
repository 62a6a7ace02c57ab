import type { Knex } from 'knex';

/** SQLSTATEs of a transaction Postgres aborted only because of what ran beside it: deadlock victim, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);

export interface RetryOptions {
  /** How many times the work may run in all. */
  attempts?: number;
}

/** Whether an error is a deadlock or serialization failure, which running the transaction again can cure. */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * Runs `work` in a transaction, running it again when Postgres aborts it as a deadlock victim
 * or for a serialization failure. Between attempts it waits a short random time, so two
 * transactions that collided do not collide again in step.
 */
export async function retryingTransaction<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await knex.transaction(work);
    } catch (err) {
      if (attempt >= attempts || !isRetryableTransactionError(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
