import type { AlbumPage } from '@muse/shared';
import { Link } from 'react-router';
import { Stars } from '../../../components/ui/stars';
import { formatDateTime } from '../../../lib/format-time';
import { formatDay } from '../../../lib/format-music';
import { useRateAlbum } from '../api/rate-album';
import { SignedOutRatingPanel, ViewerRatingWidget } from './rating-panel-parts';

interface AlbumRatingPanelProps {
  page: AlbumPage;
  /** Opens the log / review editor. */
  onLog: () => void;
}

/**
 * The viewer's corner of the album page: their rating (half stars, keyboard and pointer),
 * the "Log / review" button, their earlier ratings and their diary entries for this album.
 * Signed-out visitors get a way to sign in instead.
 */
export function AlbumRatingPanel({ page, onLog }: AlbumRatingPanelProps) {
  const rate = useRateAlbum(page.album.id);
  const viewer = page.viewer;

  if (!viewer) return <SignedOutRatingPanel invitation="Rate it, review it and log your listens." />;

  return (
    <section className="card rating-panel" aria-labelledby="your-rating-title">
      <h2 id="your-rating-title" className="card-title">
        Your rating
      </h2>
      <ViewerRatingWidget
        value={viewer.rating}
        label="Your rating"
        save={(rating, onError) => rate.mutate(rating, { onError })}
        pending={rate.isPending}
        error={rate.error}
      />
      <div className="rating-panel-actions">
        <button type="button" className="btn btn-primary btn-block" onClick={onLog}>
          Log / review
        </button>
        {viewer.reviewId && (
          <Link className="btn btn-secondary btn-block" to={`/reviews/${viewer.reviewId}`}>
            Your review
          </Link>
        )}
      </div>

      {viewer.diary.length > 0 && (
        <div className="rating-panel-section">
          <h3 className="rating-panel-subtitle">Your listens</h3>
          <ul className="listen-list">
            {viewer.diary.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.listenedOn}>{formatDay(entry.listenedOn)}</time>
                {entry.rating !== null && <Stars value={entry.rating} size="sm" />}
                {entry.isRelisten && (
                  <span className="relisten-mark" title="Relisten">
                    <span aria-hidden="true">↻</span>
                    <span className="sr-only">relisten</span>
                  </span>
                )}
                {entry.reviewId && <Link to={`/reviews/${entry.reviewId}`}>review</Link>}
              </li>
            ))}
          </ul>
        </div>
      )}

      {viewer.ratingHistory.length > 0 && (
        <div className="rating-panel-section">
          <h3 className="rating-panel-subtitle">Earlier ratings</h3>
          <ul className="listen-list">
            {viewer.ratingHistory.map((entry) => (
              <li key={`${entry.ratedAt}-${entry.replacedAt}`}>
                <Stars value={entry.rating} size="sm" />
                <span className="muted" title={`Rated ${formatDateTime(entry.ratedAt)}, replaced ${formatDateTime(entry.replacedAt)}`}>
                  until {formatDay(entry.replacedAt.slice(0, 10))}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
