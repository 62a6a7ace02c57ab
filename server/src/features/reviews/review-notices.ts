import type { NewNotification } from '../notifications/notification-batching';
import type { ReviewCommentsRepo } from './review-comments.repo';
import type { ReviewsRepo } from './reviews.repo';

const EXCERPT_CHARS = 200;

/** Cuts by code points so that an emoji is never split in half. */
function excerpt(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join('');
}

/**
 * The notifications a review's author gets about likes and comments, and the thread replies
 * earlier commenters get, read fresh when the job runs: nothing for a withdrawn like, a
 * deleted or hidden comment or review, or the author's own action. Unread ones about one
 * review batch ("Ana and 3 others liked your review").
 */
export class ReviewNotices {
  constructor(
    private readonly reviews: ReviewsRepo,
    private readonly comments: ReviewCommentsRepo,
  ) {}

  async forLike(reviewId: string, likerId: string): Promise<NewNotification | null> {
    const row = await this.reviews.likeNotice(reviewId, likerId);
    if (!row || !row.still_liked || String(row.author_id) === likerId) return null;
    const title = (who: string) => `${who} liked your review of ${row.reviewed_title}`;
    return {
      userId: String(row.author_id),
      type: 'review_liked',
      title: title(row.actor_name),
      body: `${row.reviewed_title} by ${row.reviewed_artist_credit}`,
      link: `/reviews/${reviewId}`,
      data: { reviewId, actorId: likerId },
      // Per liker and review: liking again after unliking does not notify again.
      dedupeKey: `review_liked:${reviewId}:${likerId}`,
      batch: { subject: `review:${reviewId}`, actor: { id: likerId, handle: row.actor_handle, displayName: row.actor_name }, title },
    };
  }

  async forComment(commentId: string): Promise<NewNotification | null> {
    const row = await this.comments.notice(commentId);
    if (!row || String(row.author_id) === String(row.actor_id)) return null;
    const title = (who: string) => `${who} commented on your review of ${row.reviewed_title}`;
    return {
      userId: String(row.author_id),
      type: 'review_commented',
      title: title(row.actor_name),
      body: excerpt(row.body),
      link: `/reviews/${row.review_id}`,
      data: { reviewId: String(row.review_id), commentId, actorId: String(row.actor_id) },
      dedupeKey: `review_commented:${commentId}`,
      batch: { subject: `review:${row.review_id}`, actor: { id: String(row.actor_id), handle: row.actor_handle, displayName: row.actor_name }, title },
    };
  }

  /**
   * "Reply in a thread you commented on": one notice for each earlier commenter other than the
   * review's author (who gets review_commented) and the commenter.
   */
  async forThread(commentId: string): Promise<NewNotification[]> {
    const row = await this.comments.notice(commentId);
    if (!row) return [];
    const recipients = await this.comments.earlierParticipants(commentId);
    const reviewId = String(row.review_id);
    const whose = String(row.author_id) === String(row.actor_id) ? 'their' : `${row.review_author_name}’s`;
    const title = (who: string) => `${who} replied on ${whose} review of ${row.reviewed_title}`;
    return recipients.map((userId) => ({
      userId,
      type: 'thread_reply' as const,
      title: title(row.actor_name),
      body: excerpt(row.body),
      link: `/reviews/${reviewId}`,
      data: { reviewId, commentId, actorId: String(row.actor_id) },
      dedupeKey: `thread_reply:${commentId}`,
      batch: { subject: `review:${reviewId}`, actor: { id: String(row.actor_id), handle: row.actor_handle, displayName: row.actor_name }, title },
    }));
  }
}
