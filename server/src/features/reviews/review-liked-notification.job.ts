import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** After a like: tell the review's author, unless the like was withdrawn meanwhile. */
export const reviewLikedNotificationJob = defineJob({
  name: 'review-liked-notification',
  queue: 'notifications',
  schema: z.object({ reviewId: IdSchema, likerId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'notifications' | 'reviewNotices'>) => async (payload, ctx) => {
    const notice = await deps.reviewNotices.forLike(payload.reviewId, payload.likerId);
    if (!notice) {
      ctx.logger.info(payload, 'like notification skipped: withdrawn, review gone or own review');
      return;
    }
    await deps.notifications.create(notice);
  },
});
