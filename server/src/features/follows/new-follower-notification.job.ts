import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** Someone followed a user; tell the followee, unless the follow ended meanwhile. */
export const newFollowerNotificationJob = defineJob({
  name: 'new-follower-notification',
  queue: 'notifications',
  schema: z.object({ followerId: IdSchema, followeeId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'notifications' | 'followNotices'>) => async (payload, ctx) => {
    const notice = await deps.followNotices.forNewFollower(payload.followerId, payload.followeeId);
    if (!notice) {
      ctx.logger.info(payload, 'new-follower notification skipped: no longer true');
      return;
    }
    await deps.notifications.create(notice);
  },
});
