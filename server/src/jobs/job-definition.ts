import type { ZodType } from 'zod';
import type { Logger } from '../lib/logger';

/** The queues Muse runs; each job type belongs to one. */
export const QUEUE_NAMES = ['notifications', 'charts', 'imports', 'feed', 'accounts'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobContext {
  logger: Logger;
  attempt: number;
}

/** One job type: its name, queue, payload schema (ids, not objects) and handler. */
export interface JobDefinition<P = unknown, D = unknown> {
  name: string;
  queue: QueueName;
  schema: ZodType<P>;
  /** Builds the handler from the worker's dependencies. */
  createHandler(deps: D): (payload: P, ctx: JobContext) => Promise<void>;
}

/** Declares a job type with its payload type inferred from the schema. */
export function defineJob<P, D>(definition: JobDefinition<P, D>): JobDefinition<P, D> {
  return definition;
}
