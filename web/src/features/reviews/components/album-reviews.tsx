import type { Page, ReviewView } from '@muse/shared';
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryOptions } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { getAlbumReviewsQueryOptions, type ReviewSort } from '../api/get-album-reviews';
import { getTrackReviewsQueryOptions } from '../api/get-track-reviews';
import { ReviewCard } from './review-card';

const SORTS: { value: ReviewSort; label: string }[] = [
  { value: 'popular', label: 'Popular' },
  { value: 'recent', label: 'Recent' },
];

interface ReviewsSectionProps {
  canLike: boolean;
  /** The signed-in viewer, or null; cards by others then offer "Report". */
  viewerId: string | null;
  onWrite?: () => void;
}

type ReviewPages = UseInfiniteQueryOptions<Page<ReviewView>, Error, InfiniteData<Page<ReviewView>>, readonly unknown[], string | null>;

/** An album's reviews (never those of its tracks), most liked or newest first. */
export function AlbumReviews({ albumId, ...props }: ReviewsSectionProps & { albumId: string }) {
  return <ReviewsSection {...props} optionsFor={(sort) => getAlbumReviewsQueryOptions(albumId, sort) as ReviewPages} />;
}

/** A track's reviews, most liked or newest first. */
export function TrackReviews({ trackId, ...props }: ReviewsSectionProps & { trackId: string }) {
  return <ReviewsSection {...props} optionsFor={(sort) => getTrackReviewsQueryOptions(trackId, sort) as ReviewPages} />;
}

/** Reviews in one order, with "load more" and an invitation when there are none. */
function ReviewsSection({ canLike, viewerId, onWrite, optionsFor }: ReviewsSectionProps & { optionsFor: (sort: ReviewSort) => ReviewPages }) {
  const [sort, setSort] = useState<ReviewSort>('popular');
  const reviews = useInfiniteQuery(optionsFor(sort));
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
