import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { ImportsService } from './imports.service';

export interface ImportJobDeps {
  imports: ImportsService;
  /** Attempts a job gets; the last failing one marks the import failed. */
  jobAttempts: number;
}

/** Reads an uploaded CSV, validates and matches every row, and leaves the import `ready` for review. */
export const importParseJob = defineJob({
  name: 'import-parse',
  queue: 'imports',
  schema: z.object({ importId: IdSchema }),
  createHandler: (deps: ImportJobDeps) => async (payload, ctx) => {
    await deps.imports.runParse(payload.importId, { finalAttempt: ctx.attempt >= deps.jobAttempts, logger: ctx.logger });
  },
});

/** The parse job's id: one per import, so queueing it twice is harmless. */
export const importParseJobId = (importId: string): string => `import-parse-${importId}`;
