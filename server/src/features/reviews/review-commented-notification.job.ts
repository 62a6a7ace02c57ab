import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/**
 * After a comment: tell the review's author (unless the comment is gone or is their own) and
 * everyone else who commented on the review earlier (thread_reply). Dedupe keys make a retry
 * after a partial run notify only those not yet told.
 */
export const reviewCommentedNotificationJob = defineJob({
  name: 'review-commented-notification',
  queue: 'notifications',
  schema: z.object({ commentId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'notifications' | 'reviewNotices'>) => async (payload, ctx) => {
    const notice = await deps.reviewNotices.forComment(payload.commentId);
    if (notice) await deps.notifications.create(notice);
    else ctx.logger.info(payload, 'comment notification skipped: comment gone or own review');
    for (const reply of await deps.reviewNotices.forThread(payload.commentId)) await deps.notifications.create(reply);
  },
});
