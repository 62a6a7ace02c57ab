import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** A follow request was approved; tell the requester, unless they no longer follow. */
export const followAcceptedNotificationJob = defineJob({
  name: 'follow-accepted-notification',
  queue: 'notifications',
  schema: z.object({ targetId: IdSchema, requesterId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'notifications' | 'followNotices'>) => async (payload, ctx) => {
    const notice = await deps.followNotices.forFollowAccepted(payload.targetId, payload.requesterId);
    if (!notice) {
      ctx.logger.info(payload, 'follow-accepted notification skipped: no longer true');
      return;
    }
    await deps.notifications.create(notice);
  },
});
