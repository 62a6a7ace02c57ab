import type { TrackPage } from '@muse/shared';
import { Link } from 'react-router';
import { useRateTrack } from '../api/rate-track';
import { SignedOutRatingPanel, ViewerRatingWidget } from './rating-panel-parts';

interface TrackRatingPanelProps {
  page: TrackPage;
  /** Opens the review editor for this track. */
  onReview: () => void;
}

/**
 * The viewer's corner of the track page: their rating of the track (half stars, keyboard and
 * pointer), "Review this track" and a link to their newest review of it. Signed-out visitors
 * get a way to sign in instead.
 */
export function TrackRatingPanel({ page, onReview }: TrackRatingPanelProps) {
  const rate = useRateTrack(page.album.id);

  if (!page.viewer) return <SignedOutRatingPanel invitation="Rate and review this track." />;

  return (
    <section className="card rating-panel" aria-labelledby="your-rating-title">
      <h2 id="your-rating-title" className="card-title">
        Your rating
      </h2>
      <ViewerRatingWidget
        value={page.track.viewerRating}
        label={`Your rating of the track ${page.track.title}`}
        save={(rating, onError) => rate.mutate({ trackId: page.track.id, rating }, { onError })}
        pending={rate.isPending}
        error={rate.error}
      />
      <div className="rating-panel-actions">
        <button type="button" className="btn btn-primary btn-block" onClick={onReview}>
          Review this track
        </button>
        {page.viewer.reviewId && (
          <Link className="btn btn-secondary btn-block" to={`/reviews/${page.viewer.reviewId}`}>
            Your review
          </Link>
        )}
      </div>
    </section>
  );
}
