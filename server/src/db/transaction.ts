import type { Knex } from 'knex';
import type { AfterCommit } from './after-commit';

/** A transaction as services hold it: they pass it to repos and never query through it themselves. */
export type Tx = Knex.Transaction;

/** SQLSTATEs of a transaction Postgres aborted only because of what ran beside it: deadlock victim, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);

export interface RetryOptions {
  /** How many times the work may run in all (5 unless said). */
  attempts?: number;
  /**
   * Side effects the work collects for after the commit: emptied before each new attempt, so a
   * retried transaction does not announce its first, rolled-back try as well.
   */
  effects?: AfterCommit;
}

/** Whether an error is a deadlock or serialization failure, which running the transaction again can cure. */
function isRetryableTransactionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * Runs `work` in a transaction, running it again when Postgres aborts it as a deadlock victim
 * or for a serialization failure. Between attempts it waits a short random time, so two
 * transactions that collided do not collide again in step.
 */
export async function retryingTransaction<T>(knex: Knex, work: (trx: Tx) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await knex.transaction(work);
    } catch (err) {
      if (attempt >= attempts || !isRetryableTransactionError(err)) throw err;
      options.effects?.clear();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/**
 * The one way services run several repo calls atomically: `transactions.run(async (tx) => …)`
 * passes `tx` to each repo call, and a deadlock or serialization failure runs the work again.
 * Services get this instead of knex, so database access stays in repos.
 */
export class Transactions {
  constructor(private readonly knex: Knex) {}

  run<T>(work: (tx: Tx) => Promise<T>, options: RetryOptions = {}): Promise<T> {
    return retryingTransaction(this.knex, work, options);
  }
}
