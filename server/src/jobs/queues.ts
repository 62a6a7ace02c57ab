import { Queue, type JobsOptions, type ConnectionOptions } from 'bullmq';
import type { JobDefinition, QueueName } from './job-definition';
import { QUEUE_NAMES } from './job-definition';
import type { Logger } from '../lib/logger';

export interface QueueOptions {
  connection: ConnectionOptions;
  prefix: string;
  attempts: number;
  backoffMs: number;
  /** Where connection errors go (while Redis is unreachable, enqueues fail and are answered 503). */
  logger?: Logger;
}

/** Producers for every queue; validates payloads before they are stored. */
export class JobQueues {
  readonly byName: Record<QueueName, Queue>;

  constructor(options: QueueOptions) {
    const defaultJobOptions: JobsOptions = {
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    };
    this.byName = Object.fromEntries(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection: options.connection, prefix: options.prefix, defaultJobOptions });
        queue.on('error', (err) => options.logger?.warn({ err: err.message, queue: name }, 'queue connection error'));
        return [name, queue];
      }),
    ) as Record<QueueName, Queue>;
  }

  /** Enqueues a job; `jobId` makes the enqueue idempotent. */
  async enqueue<P>(definition: JobDefinition<P, never>, payload: P, options: JobsOptions = {}): Promise<string> {
    const data = definition.schema.parse(payload);
    const job = await this.byName[definition.queue].add(definition.name, data, options);
    return job.id!;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.byName).map((q) => q.close()));
  }
}
