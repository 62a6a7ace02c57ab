import { useParams } from 'react-router';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { useReview } from '../../features/reviews/api/get-review';
import { ReviewDetail } from '../../features/reviews/components/review-detail';
import { ResourceError } from './resource-error';

/** `/reviews/:id`: one review with likes and comments. */
export function ReviewRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  const review = useReview(id);

  if (review.isPending) return <PageSpinner label="Loading the review" />;
  if (review.isError) return <ResourceError error={review.error} what="review" />;
  return (
    <div className="page page-narrow">
      <title>{`${review.data.author.displayName} on ${review.data.track?.title ?? review.data.album.title} · Muse`}</title>
      <ReviewDetail key={review.data.id} review={review.data} fetchedAt={review.dataUpdatedAt} viewerId={me?.id ?? null} />
    </div>
  );
}
