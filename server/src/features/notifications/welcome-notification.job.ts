import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** After registration: greet the new member with their first notification. */
export const welcomeNotificationJob = defineJob({
  name: 'welcome-notification',
  queue: 'notifications',
  schema: z.object({ userId: z.string().regex(/^[1-9][0-9]*$/) }),
  createHandler: (deps: Pick<JobDeps, 'notifications' | 'userExists'>) => async (payload, ctx) => {
    // The account may be gone by the time the job runs (deleted, or its registration rolled back).
    if (!(await deps.userExists(payload.userId))) {
      ctx.logger.info({ userId: payload.userId }, 'welcome skipped: user no longer exists');
      return;
    }
    await deps.notifications.create({
      userId: payload.userId,
      type: 'welcome',
      title: 'Welcome to Muse',
      body: 'Start by rating an album you love, then find friends to follow.',
      link: '/home',
      dedupeKey: 'welcome',
    });
  },
});
