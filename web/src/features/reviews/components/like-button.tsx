import { formatCount } from '../../../lib/format-music';
import { useLikeReview } from '../api/like-review';

/** A toggle (aria-pressed) liking a review, with its like count; read-only for signed-out visitors. */
export function LikeButton({ reviewId, liked, likeCount, canLike }: { reviewId: string; liked: boolean; likeCount: number; canLike: boolean }) {
  const like = useLikeReview();
  if (!canLike) {
    return (
      <span className="like-count">
        <span aria-hidden="true">♥ </span>
        {formatCount(likeCount, 'like')}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={`like-button${liked ? ' like-button-on' : ''}`}
      aria-pressed={liked}
      disabled={like.isPending}
      onClick={() => like.mutate({ id: reviewId, liked: !liked })}
    >
      <span aria-hidden="true">{liked ? '♥' : '♡'}</span> Like
      <span className="like-button-count" data-testid="like-count">
        <span className="sr-only">, </span>
        {formatCount(likeCount, 'like')}
      </span>
    </button>
  );
}
