import type { ZodType } from 'zod';
import type { JobContext, JobFor } from './job-definition';

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

/**
 * Maps job names to handlers. Refuses to be built when a name appears twice or when a
 * definition yields no handler, so a worker can never start half-wired.
 */
export class JobRegistry<D> {
  private readonly handlers = new Map<string, { schema: ZodType<unknown>; handler: JobHandler }>();

  /** `deps` must hold everything every definition asks for; the compiler checks it. */
  constructor(definitions: ReadonlyArray<JobFor<D>>, deps: D) {
    for (const definition of definitions) {
      if (this.handlers.has(definition.name)) throw new Error(`Job "${definition.name}" is registered twice`);
      const handler = definition.createHandler(deps);
      if (typeof handler !== 'function') throw new Error(`Job "${definition.name}" has no handler`);
      this.handlers.set(definition.name, { schema: definition.schema, handler: handler as JobHandler });
    }
  }

  /** Validates the payload against the job's schema and runs its handler. */
  async run(name: string, payload: unknown, ctx: JobContext): Promise<void> {
    const entry = this.handlers.get(name);
    if (!entry) throw new UnknownJobError(name);
    await entry.handler(entry.schema.parse(payload), ctx);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }
}

export class UnknownJobError extends Error {
  constructor(name: string) {
    super(`No handler for job "${name}"`);
  }
}
