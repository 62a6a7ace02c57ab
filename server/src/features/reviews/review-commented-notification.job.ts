import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { NotificationsService } from '../notifications/notifications.service';
import type { ReviewNotices } from './review-notices';

export interface ReviewCommentedJobDeps {
  notifications: NotificationsService;
  reviewNotices: ReviewNotices;
}

/** After a comment: tell the review's author, unless the comment is gone or is their own. */
export const reviewCommentedNotificationJob = defineJob({
  name: 'review-commented-notification',
  queue: 'notifications',
  schema: z.object({ commentId: IdSchema }),
  createHandler: (deps: ReviewCommentedJobDeps) => async (payload, ctx) => {
    const notice = await deps.reviewNotices.forComment(payload.commentId);
    if (!notice) {
      ctx.logger.info(payload, 'comment notification skipped: comment gone or own review');
      return;
    }
    await deps.notifications.create(notice);
  },
});
