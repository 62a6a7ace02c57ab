import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** Reads an uploaded CSV, validates and matches every row, and leaves the import `ready` for review. */
export const importParseJob = defineJob({
  name: 'import-parse',
  queue: 'imports',
  schema: z.object({ importId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'imports' | 'jobAttempts'>) => async (payload, ctx) => {
    await deps.imports.runParse(payload.importId, { finalAttempt: ctx.attempt >= deps.jobAttempts, logger: ctx.logger });
  },
});

/** The parse job's id: one per import, so queueing it twice is harmless. */
export const importParseJobId = (importId: string): string => `import-parse-${importId}`;
