import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { useAlbumReviews, type ReviewSort } from '../api/get-album-reviews';
import { ReviewCard } from './review-card';

const SORTS: { value: ReviewSort; label: string }[] = [
  { value: 'popular', label: 'Popular' },
  { value: 'recent', label: 'Recent' },
];

interface AlbumReviewsProps {
  albumId: string;
  canLike: boolean;
  /** The signed-in viewer, or null; cards by others then offer "Report". */
  viewerId: string | null;
  onWrite?: () => void;
}

/** An album's reviews, most liked or newest first, with "load more" and an invitation when there are none. */
export function AlbumReviews({ albumId, canLike, viewerId, onWrite }: AlbumReviewsProps) {
  const [sort, setSort] = useState<ReviewSort>('popular');
  const reviews = useAlbumReviews(albumId, sort);
  const items = reviews.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="album-reviews" aria-labelledby="album-reviews-title">
      <div className="section-header">
        <h2 id="album-reviews-title" className="section-heading">
          Reviews
        </h2>
        <div className="segmented" role="group" aria-label="Order reviews by">
          {SORTS.map((option) => (
            <button key={option.value} type="button" className="segmented-option" aria-pressed={sort === option.value} onClick={() => setSort(option.value)}>
              {option.label}
            </button>
          ))}
        </div>
      </div>
      {reviews.isPending ? (
        <PageSpinner label="Loading reviews" />
      ) : reviews.isError ? (
        <Alert tone="error">Could not load reviews. {reviews.error.message}</Alert>
      ) : items.length === 0 ? (
        <div className="empty-state card">
          <p>No reviews yet.</p>
          {onWrite && (
            <Button variant="secondary" onClick={onWrite}>
              Write the first one
            </Button>
          )}
        </div>
      ) : (
        <ol className="review-list">
          {items.map((review) => (
            <li key={review.id}>
              <ReviewCard review={review} canLike={canLike} viewerId={viewerId} />
            </li>
          ))}
        </ol>
      )}
      {reviews.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" onClick={() => void reviews.fetchNextPage()} pending={reviews.isFetchingNextPage}>
            Load more reviews
          </Button>
        </div>
      )}
    </section>
  );
}
