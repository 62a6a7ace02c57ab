import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** After an activity is recorded: push it to followers' timelines and announce it live. */
export const feedFanOutJob = defineJob({
  name: 'feed-fan-out',
  queue: 'feed',
  schema: z.object({ activityId: z.uuid() }),
  createHandler: (deps: Pick<JobDeps, 'feedFanOut'>) => async (payload, ctx) => {
    const pushed = await deps.feedFanOut.run(payload.activityId);
    ctx.logger.debug({ ...payload, pushed }, 'activity fanned out');
  },
});
