import { Queue, type JobsOptions, type ConnectionOptions } from 'bullmq';
import type { JobDefinition, QueueName } from './job-definition';
import { QUEUE_NAMES } from './job-definition';
import type { Logger } from '../lib/logger';
import { currentRequestId } from '../lib/request-context';

/**
 * The key under which a job's data carries the id of the request that queued it. The worker takes
 * it out before the payload meets its schema, and puts it on the job's log lines.
 */
export const QUEUED_BY_REQUEST_KEY = 'queuedByRequestId';

/** A job's stored data split into its payload and the id of the request that queued it, if any. */
export function splitJobData(data: unknown): { payload: unknown; requestId?: string } {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !(QUEUED_BY_REQUEST_KEY in data)) return { payload: data };
  const { [QUEUED_BY_REQUEST_KEY]: requestId, ...payload } = data as Record<string, unknown>;
  return typeof requestId === 'string' ? { payload, requestId } : { payload };
}

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

  /**
   * Enqueues a job; `jobId` makes the enqueue idempotent. A job queued while a request is served
   * carries that request's id, so the worker's log lines for it can be found from the request's.
   */
  async enqueue<P>(definition: JobDefinition<P, never>, payload: P, options: JobsOptions = {}): Promise<string> {
    const data: unknown = definition.schema.parse(payload);
    const requestId = currentRequestId();
    const stored = requestId && data !== null && typeof data === 'object' && !Array.isArray(data) ? { ...data, [QUEUED_BY_REQUEST_KEY]: requestId } : data;
    const job = await this.byName[definition.queue].add(definition.name, stored, options);
    return job.id!;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.byName).map((q) => q.close()));
  }
}
