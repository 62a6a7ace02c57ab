import type { TrackPage } from '@muse/shared';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { RatingInput } from '../../../components/ui/rating-input';
import { formatStars } from '../../../lib/format-music';
import { loginPathFor } from '../../../lib/redirects';
import { useRateTrack } from '../api/rate-track';

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
  const location = useLocation();
  const rate = useRateTrack(page.album.id);
  // Bumped after a refusal so the widget shows the restored rating, not the refused one.
  const [resetKey, setResetKey] = useState(0);
  const rating = page.track.viewerRating;

  if (!page.viewer) {
    return (
      <section className="card rating-panel" aria-labelledby="your-rating-title">
        <h2 id="your-rating-title" className="card-title">
          Your rating
        </h2>
        <p className="muted">Rate and review this track.</p>
        <Link className="btn btn-primary btn-block" to={loginPathFor(location.pathname)}>
          Log in to rate
        </Link>
      </section>
    );
  }

  return (
    <section className="card rating-panel" aria-labelledby="your-rating-title">
      <h2 id="your-rating-title" className="card-title">
        Your rating
      </h2>
      <div className="rating-panel-widget">
        <RatingInput
          resetKey={resetKey}
          size="lg"
          value={rating}
          label={`Your rating of the track ${page.track.title}`}
          clearable
          onChange={(next) => rate.mutate({ trackId: page.track.id, rating: next }, { onError: () => setResetKey((key) => key + 1) })}
        />
        <p className="rating-panel-state" role="status">
          {rate.isPending ? 'Saving…' : rating === null ? 'Not rated yet' : `You rated it ${formatStars(rating)}`}
        </p>
      </div>
      {rate.isError && <Alert tone="error">Your rating was not saved: {rate.error.message}</Alert>}
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
