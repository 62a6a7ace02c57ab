import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** Reads a playlist from Spotify or Apple Music page by page and stores it as a Muse playlist. */
export const serviceImportJob = defineJob({
  name: 'service-import',
  queue: 'imports',
  schema: z.object({ importId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'serviceImports' | 'jobAttempts'>) => async (payload, ctx) => {
    await deps.serviceImports.runImport(payload.importId, { finalAttempt: ctx.attempt >= deps.jobAttempts, logger: ctx.logger });
  },
});

/** The job's id: one per import, so queueing it twice is harmless. */
export const serviceImportJobId = (importId: string): string => `service-import-${importId}`;
