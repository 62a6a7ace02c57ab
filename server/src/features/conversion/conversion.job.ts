import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** Converts one playlist; resumable after every page and never writing a track to the target twice. */
export const conversionJob = defineJob({
  name: 'conversion-run',
  queue: 'conversions',
  schema: z.object({ conversionId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) }),
  createHandler: (deps: Pick<JobDeps, 'conversions' | 'jobAttempts'>) => async (payload, ctx) => {
    await deps.conversions.run(payload.conversionId, { finalAttempt: ctx.attempt >= deps.jobAttempts, logger: ctx.logger });
  },
});

/** One job id per conversion, so queueing it twice is harmless. */
export const conversionJobId = (conversionId: string): string => `conversion-${conversionId}`;
