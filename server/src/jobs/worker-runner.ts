import { Worker, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { ZodError } from 'zod';
import type { Logger } from '../lib/logger';
import { QUEUE_NAMES } from './job-definition';
import { UnknownJobError, type JobRegistry } from './job-registry';

export interface WorkerRunnerOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  logger: Logger;
}

/**
 * Runs a BullMQ worker per queue. A bad payload or an unknown job fails at once (no retry
 * can fix it); any other error is retried with the queue's exponential backoff.
 */
export class WorkerRunner {
  private readonly workers: Worker[];
  private readonly connection: Redis;

  constructor(registry: JobRegistry<unknown>, options: WorkerRunnerOptions) {
    this.connection = options.connection;
    this.workers = QUEUE_NAMES.map((queue) => {
      const worker = new Worker(
        queue,
        async (job) => {
          const logger = options.logger.child({ queue, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
          try {
            await registry.run(job.name, job.data, { logger, attempt: job.attemptsMade + 1 });
          } catch (err) {
            if (err instanceof ZodError || err instanceof UnknownJobError) throw new UnrecoverableError(String(err.message));
            throw err;
          }
        },
        { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency, autorun: true },
      );
      worker.on('failed', (job, err) => {
        options.logger.warn({ queue, job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'job failed');
      });
      worker.on('error', (err) => options.logger.error({ err, queue }, 'worker error'));
      return worker;
    });
  }

  /** Resolves once every worker is connected and taking jobs. */
  async ready(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
  }

  /** Whether every worker is running and its Redis connection answers. */
  async isHealthy(): Promise<boolean> {
    if (!this.workers.every((w) => w.isRunning())) return false;
    return (await this.connection.ping()) === 'PONG';
  }

  /** Stops taking jobs and waits for running ones to finish; unfinished ones return to the queue. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
