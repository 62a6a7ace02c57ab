import type { ReviewLikeResult } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { JobQueues } from '../../jobs/queues';
import { AfterCommit } from '../../db/after-commit';
import type { Transactions } from '../../db/transaction';
import { reviewLikedNotificationJob } from './review-liked-notification.job';
import type { ReviewLikesRepo } from './review-likes.repo';
import type { ReviewAccess } from './review-access';
import type { ReviewsRepo } from './reviews.repo';
import type { SocialGraphReadModel } from '../social/social-graph.read-model';
import { BLOCKED_MESSAGE } from '../../lib/blocked-message';

export interface ReviewLikesServiceDeps {
  transactions: Transactions;
  reviews: ReviewsRepo;
  /** Only a review the user may see can be liked or unliked. */
  reviewAccess: Pick<ReviewAccess, 'interactableAuthor'>;
  likes: ReviewLikesRepo;
  queues: JobQueues;
  docs: DocumentStore;
  logger: Logger;
  /** Who blocked whom: likes between blocked users are refused. */
  graph: Pick<SocialGraphReadModel, 'blockedEitherWay'>;
}

/**
 * Likes of reviews: one per user, idempotent both ways. Authors cannot like their own reviews,
 * which keeps the "popular" order a measure of what others think.
 */
export class ReviewLikesService {
  constructor(private readonly deps: ReviewLikesServiceDeps) {}

  /**
   * Likes a review (a repeat changes nothing); the first like notifies the author. 404 when the
   * user may not see the review, 403 when either blocked the other.
   */
  async like(userId: string, reviewId: string): Promise<ReviewLikeResult> {
    const { reviews, likes } = this.deps;
    const effects = new AfterCommit();
    const likeCount = await this.deps.transactions.run(
      async (tx) => {
        // On the transaction's own connection: a second pooled one could deadlock a busy pool.
        const authorId = await this.deps.reviewAccess.interactableAuthor(reviewId, userId, tx);
        if (authorId === userId) throw AppError.forbidden('own_review', 'You cannot like your own review.');
        if (await this.deps.graph.blockedEitherWay(authorId, userId, tx)) throw AppError.forbidden('blocked', BLOCKED_MESSAGE);
        const added = await likes.insert(tx, reviewId, userId);
        if (added) {
          // No job id: the notification's dedupe key already stops like→unlike→like from notifying twice.
          effects.add(() => this.deps.queues.enqueue(reviewLikedNotificationJob, { reviewId, likerId: userId }));
          effects.add(() => this.deps.docs.activity.append({ actorId: userId, type: 'liked_review', subject: { kind: 'review', id: reviewId } }));
        }
        return reviews.likeCount(reviewId, tx);
      },
      { effects },
    );
    await effects.run(this.deps.logger);
    return { liked: true, likeCount };
  }

  /**
   * Withdraws the user's like; harmless when there was none (404 when the review is missing or
   * the user may not see it, so that its existence is not revealed). A like the user gave is
   * theirs to take back even from a review they no longer see (unfollowed, blocked, made private):
   * it tells them nothing they did not know.
   */
  async unlike(userId: string, reviewId: string): Promise<ReviewLikeResult> {
    const { reviews, likes } = this.deps;
    const likeCount = await this.deps.transactions.run(async (tx) => {
      if (!(await likes.delete(tx, reviewId, userId))) await this.deps.reviewAccess.interactableAuthor(reviewId, userId, tx);
      return reviews.likeCount(reviewId, tx);
    });
    return { liked: false, likeCount };
  }
}
