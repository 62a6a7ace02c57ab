import type { ZodType } from 'zod';
import type { Logger } from '../lib/logger';

/** The queues Muse runs; each job type belongs to one. */
export const QUEUE_NAMES = ['notifications', 'charts', 'imports', 'feed', 'accounts', 'artwork', 'conversions', 'previews', 'recommendations'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobContext {
  logger: Logger;
  attempt: number;
}

/**
 * One job type: its name, queue, payload schema (ids, not objects) and handler. `D` is what the
 * handler needs from the worker, usually `Pick<JobDeps, ...>`.
 */
export interface JobDefinition<P = unknown, D = unknown> {
  name: string;
  queue: QueueName;
  schema: ZodType<P>;
  /**
   * Builds the handler from the worker's dependencies. A property, not a method, so that its
   * parameter is checked strictly: a job needing more than a registry is given does not compile.
   */
  createHandler: (deps: D) => (payload: P, ctx: JobContext) => Promise<void>;
}

/** A job of any payload (each is checked by its own schema) whose handler can be built from dependencies `D`. */
// The payload type cannot be `unknown` or `never` here: the schema reads it covariantly and the handler contravariantly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobFor<D> = JobDefinition<any, D>;

/** Declares a job type with its payload type inferred from the schema and its dependencies from `createHandler`'s parameter. */
export function defineJob<P, D = unknown>(definition: JobDefinition<P, D>): JobDefinition<P, D> {
  return definition;
}
