import { Worker, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { ZodError } from 'zod';
import type { Logger } from '../lib/logger';
import type { MuseMetrics } from '../observability/metrics';
import { QUEUE_NAMES } from './job-definition';
import { UnknownJobError, type JobRegistry } from './job-registry';
import { splitJobData } from './queues';

export interface WorkerRunnerOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** BullMQ's lock duration, also how often it looks for jobs whose worker died (default 30 s). */
  lockMs?: number;
  logger: Logger;
  /** Where each attempt's duration and outcome is recorded (`muse_job_duration_seconds`). */
  metrics?: MuseMetrics;
}

/**
 * Runs a BullMQ worker per queue. A bad payload or an unknown job fails at once (no retry
 * can fix it); any other error is retried with the queue's exponential backoff. Each attempt logs
 * through a child logger naming the queue, the job, its id and the request that queued it, and
 * its duration goes to the metrics by queue, job name and outcome.
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
          const { payload, requestId } = splitJobData(job.data);
          const attempt = job.attemptsMade + 1;
          const logger = options.logger.child({ queue, job: job.name, jobId: job.id, attempt, ...(requestId ? { requestId } : {}) });
          const started = process.hrtime.bigint();
          const observe = (outcome: 'completed' | 'failed') => {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            options.metrics?.jobDuration.observe({ queue, job: job.name, outcome }, seconds);
            return seconds;
          };
          try {
            await registry.run(job.name, payload, { logger, attempt });
          } catch (err) {
            observe('failed');
            // The failure itself is logged once BullMQ records it (the worker's `failed` event), with this job's ids.
            if (err instanceof ZodError || err instanceof UnknownJobError) throw new UnrecoverableError(String(err.message));
            throw err;
          }
          logger.debug({ durationMs: Math.round(observe('completed') * 1000) }, 'job completed');
        },
        {
          connection: options.connection,
          prefix: options.prefix,
          concurrency: options.concurrency,
          // Left out unless set: BullMQ takes an explicit undefined over its defaults.
          ...(options.lockMs !== undefined && { lockDuration: options.lockMs, stalledInterval: options.lockMs }),
          autorun: true,
        },
      );
      worker.on('failed', (job, err) => {
        const requestId = job ? splitJobData(job.data).requestId : undefined;
        options.logger.warn(
          { queue, job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, ...(requestId ? { requestId } : {}), err: err.message },
          'job failed',
        );
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
