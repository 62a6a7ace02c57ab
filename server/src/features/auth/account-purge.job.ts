import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/**
 * After an account is deleted: sweeps what it left outside Postgres (activity documents, its
 * timeline, sessions). The deletion already swept once; this run is the retried guarantee for
 * a sweep that failed, and catches writes that landed after it.
 */
export const accountPurgeJob = defineJob({
  name: 'account-purge',
  queue: 'accounts',
  schema: z.object({ userId: z.string().regex(/^[1-9][0-9]*$/) }),
  createHandler: (deps: Pick<JobDeps, 'auth'>) => async (payload, ctx) => {
    const removed = await deps.auth.purgeDeletedAccount(payload.userId);
    ctx.logger.info({ ...payload, removed }, 'deleted account purged');
  },
});
