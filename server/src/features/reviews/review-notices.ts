import type { NewNotification } from '../notifications/notifications.repo';
import type { ReviewCommentsRepo } from './review-comments.repo';
import type { ReviewsRepo } from './reviews.repo';

const EXCERPT_CHARS = 200;

/** Cuts by code points so that an emoji is never split in half. */
function excerpt(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join('');
}

/**
 * The notifications a review's author gets about likes and comments, read fresh when the job
 * runs: nothing for a withdrawn like, a deleted comment or review, or the author's own action.
 */
export class ReviewNotices {
  constructor(
    private readonly reviews: ReviewsRepo,
    private readonly comments: ReviewCommentsRepo,
  ) {}

  async forLike(reviewId: string, likerId: string): Promise<NewNotification | null> {
    const row = await this.reviews.likeNotice(reviewId, likerId);
    if (!row || !row.still_liked || String(row.author_id) === likerId) return null;
    return {
      userId: String(row.author_id),
      type: 'review_liked',
      title: `${row.actor_name} liked your review of ${row.album_title}`,
      body: `${row.album_title} by ${row.album_artist_credit}`,
      link: `/reviews/${reviewId}`,
      data: { reviewId, actorId: likerId },
      // Per liker and review: liking again after unliking does not notify again.
      dedupeKey: `review_liked:${reviewId}:${likerId}`,
    };
  }

  async forComment(commentId: string): Promise<NewNotification | null> {
    const row = await this.comments.notice(commentId);
    if (!row || String(row.author_id) === String(row.actor_id)) return null;
    return {
      userId: String(row.author_id),
      type: 'review_commented',
      title: `${row.actor_name} commented on your review of ${row.album_title}`,
      body: excerpt(row.body),
      link: `/reviews/${row.review_id}`,
      data: { reviewId: String(row.review_id), commentId, actorId: String(row.actor_id) },
      dedupeKey: `review_commented:${commentId}`,
    };
  }
}
