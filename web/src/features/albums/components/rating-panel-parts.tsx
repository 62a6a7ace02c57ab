import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { RatingInput } from '../../../components/ui/rating-input';
import { formatStars } from '../../../lib/format-music';
import { loginPathFor } from '../../../lib/redirects';

/** The rating corner of an album or track page for a signed-out visitor: what signing in offers, and the way to do it. */
export function SignedOutRatingPanel({ invitation }: { invitation: string }) {
  const location = useLocation();
  return (
    <section className="card rating-panel" aria-labelledby="your-rating-title">
      <h2 id="your-rating-title" className="card-title">
        Your rating
      </h2>
      <p className="muted">{invitation}</p>
      <Link className="btn btn-primary btn-block" to={loginPathFor(location.pathname)}>
        Log in to rate
      </Link>
    </section>
  );
}

interface ViewerRatingWidgetProps {
  /** The saved rating in stars, or null. */
  value: number | null;
  label: string;
  /** Saves a rating (null removes it); `onError` runs when the server refuses it. */
  save: (rating: number | null, onError: () => void) => void;
  pending: boolean;
  error: Error | null;
}

/** The viewer's own stars on an album or track page, what became of them (saving, not rated, the rating), and why a refused one was refused. */
export function ViewerRatingWidget({ value, label, save, pending, error }: ViewerRatingWidgetProps) {
  // Bumped after a refusal so the widget shows the restored rating, not the refused one.
  const [resetKey, setResetKey] = useState(0);
  return (
    <>
      <div className="rating-panel-widget">
        <RatingInput
          resetKey={resetKey}
          size="lg"
          value={value}
          label={label}
          clearable
          onChange={(rating) => save(rating, () => setResetKey((key) => key + 1))}
        />
        <p className="rating-panel-state" role="status">
          {pending ? 'Saving…' : value === null ? 'Not rated yet' : `You rated it ${formatStars(value)}`}
        </p>
      </div>
      {error && <Alert tone="error">Your rating was not saved: {error.message}</Alert>}
    </>
  );
}
