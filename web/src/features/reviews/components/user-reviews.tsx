import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useUserReviews } from '../api/get-user-reviews';
import { ReviewCard } from './review-card';

interface UserReviewsProps {
  handle: string;
  canLike: boolean;
  emptyText: string;
  /** The signed-in viewer; cards by others then offer "Report". Without it no card does. */
  viewerId?: string | null;
}

/** Someone's reviews, newest first, each with its album, for their profile. */
export function UserReviews({ handle, canLike, emptyText, viewerId = null }: UserReviewsProps) {
  const reviews = useUserReviews(handle);
  if (reviews.isPending) return <p className="muted">Loading reviews…</p>;
  if (reviews.isError) return <Alert tone="error">Could not load reviews. {reviews.error.message}</Alert>;
  const items = reviews.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <>
      <ul className="review-list">
        {items.map((review) => (
          <li key={review.id}>
            <ReviewCard review={review} canLike={canLike} viewerId={viewerId} showAlbum />
          </li>
        ))}
      </ul>
      {reviews.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" size="sm" onClick={() => void reviews.fetchNextPage()} pending={reviews.isFetchingNextPage}>
            More reviews
          </Button>
        </div>
      )}
    </>
  );
}
