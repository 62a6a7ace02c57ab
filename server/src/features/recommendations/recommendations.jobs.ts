import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** Retrains the models and rewrites every user's recommendations in Redis. */
export const rebuildRecommendationsJob = defineJob({
  name: 'rebuild-recommendations',
  queue: 'recommendations',
  schema: z.object({}).strict(),
  createHandler: (deps: Pick<JobDeps, 'recommendations'>) => async (_payload, ctx) => {
    const result = await deps.recommendations.rebuild();
    ctx.logger.info(result, 'recommendations rebuilt');
  },
});

/** Recomputes one user's recommendations after new ratings; notifies them when the list changed materially. */
export const refreshUserRecommendationsJob = defineJob({
  name: 'refresh-user-recommendations',
  queue: 'recommendations',
  schema: z.object({ userId: z.string().regex(/^[1-9][0-9]{0,17}$/) }).strict(),
  createHandler: (deps: Pick<JobDeps, 'recommendations' | 'userExists'>) => async (payload, ctx) => {
    if (!(await deps.userExists(payload.userId))) return;
    const result = await deps.recommendations.refreshUser(payload.userId);
    ctx.logger.info({ userId: payload.userId, ...result }, 'recommendations refreshed');
  },
});
