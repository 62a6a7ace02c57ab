import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** Writes a confirmed import's ratings, reviews and diary entries; resumable, and exactly once per row. */
export const importApplyJob = defineJob({
  name: 'import-apply',
  queue: 'imports',
  schema: z.object({ importId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'imports' | 'jobAttempts'>) => async (payload, ctx) => {
    await deps.imports.runApply(payload.importId, { finalAttempt: ctx.attempt >= deps.jobAttempts, logger: ctx.logger });
  },
});

/** The apply job's id: one per import, so queueing it twice is harmless. */
export const importApplyJobId = (importId: string): string => `import-apply-${importId}`;
