import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** Delayed until a scheduled party's time: it goes live (unless the host started or ended it first). */
export const partyStartJob = defineJob({
  name: 'party-start',
  queue: 'notifications',
  schema: z.object({ partyId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'parties'>) => async (payload) => {
    await deps.parties.startScheduled(payload.partyId);
  },
});
