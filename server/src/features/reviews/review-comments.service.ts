import { z } from 'zod';
import type { CommentListQuery, CommentView, Page } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { JobQueues } from '../../jobs/queues';
import { AfterCommit } from '../../db/after-commit';
import { decodeOptionalCursor, encodeCursor, IdKey, rowsToRead, toPage } from '../../lib/pagination';
import { assertStorableText } from '../../lib/storable-text';
import { reviewCommentedNotificationJob } from './review-commented-notification.job';
import type { ReviewCommentsRepo } from './review-comments.repo';
import { presentComment } from '../../http/presenters/reviews.presenter';
import type { ReviewAccess } from './review-access';
import type { SocialGraphReadModel } from '../social/social-graph.read-model';
import { BLOCKED_MESSAGE } from '../../lib/blocked-message';

export interface ReviewCommentsServiceDeps {
  /** Who may read a review's comments and who may add one. */
  reviewAccess: Pick<ReviewAccess, 'readableAuthor' | 'interactableAuthor'>;
  comments: ReviewCommentsRepo;
  queues: JobQueues;
  docs: DocumentStore;
  logger: Logger;
  /** Who blocked whom: comments between blocked users are refused. */
  graph: Pick<SocialGraphReadModel, 'blockedEitherWay'>;
}

const CURSOR = 'comments';

/**
 * Comments on reviews: anyone signed in who may see the review may comment; the comment's
 * author and the review's author may delete it. The review's author hears of each comment
 * through the worker.
 */
export class ReviewCommentsService {
  constructor(private readonly deps: ReviewCommentsServiceDeps) {}

  /**
   * Adds a comment (404 when the review is missing, deleted or not for the commenter to see,
   * 403 when the review's author and the commenter blocked one another) and notifies the
   * review's author.
   */
  async create(userId: string, reviewId: string, body: string): Promise<CommentView> {
    assertStorableText(body, 'body');
    const { comments } = this.deps;
    const reviewAuthorId = await this.deps.reviewAccess.interactableAuthor(reviewId, userId);
    if (reviewAuthorId !== userId && (await this.deps.graph.blockedEitherWay(reviewAuthorId, userId))) throw AppError.forbidden('blocked', BLOCKED_MESSAGE);
    const id = await comments.insert(reviewId, userId, body);
    const effects = new AfterCommit();
    effects.add(() => this.deps.queues.enqueue(reviewCommentedNotificationJob, { commentId: id }, { jobId: `review-commented-${id}` }));
    effects.add(() =>
      this.deps.docs.activity.append({ actorId: userId, type: 'commented', subject: { kind: 'review', id: reviewId }, data: { commentId: id } }),
    );
    await effects.run(this.deps.logger);
    const row = await comments.findView(id);
    if (!row) throw AppError.notFound('Comment');
    return presentComment(row, userId, reviewAuthorId);
  }

  /** A review's comments, oldest first (404 when the review is missing or the viewer may not read it). */
  async list(reviewId: string, query: CommentListQuery, viewerId: string | null): Promise<Page<CommentView>> {
    const reviewAuthorId = await this.deps.reviewAccess.readableAuthor(reviewId, viewerId);
    return this.page(reviewId, reviewAuthorId, query, viewerId);
  }

  /** A page of comments of a review whose author is already known. */
  async page(reviewId: string, reviewAuthorId: string, query: CommentListQuery, viewerId: string | null): Promise<Page<CommentView>> {
    const after = decodeOptionalCursor(query.cursor, CURSOR, z.tuple([IdKey]));
    const rows = await this.deps.comments.listForReview(reviewId, rowsToRead(query.limit), after?.[0]);
    return toPage(
      rows,
      query.limit,
      (row) => presentComment(row, viewerId, reviewAuthorId),
      (last) => encodeCursor(CURSOR, [String(last.id)]),
    );
  }

  /**
   * Deletes a comment: its author or the review's author only (others 403; missing, or on a review
   * the caller may not see, 404, so the answer does not tell that a hidden review has comments).
   */
  async delete(userId: string, commentId: string): Promise<void> {
    const owners = await this.deps.comments.findOwners(commentId);
    if (!owners) throw AppError.notFound('Comment');
    if (userId !== String(owners.user_id) && userId !== String(owners.review_author_id)) {
      await this.deps.reviewAccess.readableAuthor(String(owners.review_id), userId);
      throw AppError.forbidden('not_allowed', 'Only the comment’s author or the review’s author can delete it.');
    }
    await this.deps.comments.delete(commentId);
  }
}
