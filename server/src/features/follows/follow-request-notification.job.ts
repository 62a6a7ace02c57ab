import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** Someone asked to follow a private profile; tell its owner, unless the request is gone. */
export const followRequestNotificationJob = defineJob({
  name: 'follow-request-notification',
  queue: 'notifications',
  schema: z.object({ requesterId: IdSchema, targetId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'notifications' | 'followNotices'>) => async (payload, ctx) => {
    const notice = await deps.followNotices.forFollowRequest(payload.requesterId, payload.targetId);
    if (!notice) {
      ctx.logger.info(payload, 'follow-request notification skipped: no longer true');
      return;
    }
    await deps.notifications.create(notice);
  },
});
