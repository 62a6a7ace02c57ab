import type { Recommendation } from '@muse/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { RatingInput } from '../../../components/ui/rating-input';
import type { ReactNode } from 'react';
import { ratePick } from '../api/recommendations';

interface RecommendationCardProps {
  pick: Recommendation;
  onDismiss: () => void;
  /** Called once the inline rating is saved (the pick is then one of the user's ratings). */
  onRated?: () => void;
  /** More actions the page adds (its add-to-playlist menu). */
  actions?: ReactNode;
}

/** One pick: cover, title, why it is recommended, and rate / add to playlist / "Not interested". */
export function RecommendationCard({ pick, onDismiss, onRated, actions }: RecommendationCardProps) {
  const { album, track } = pick;
  const title = track ? track.title : album.title;
  const artist = track ? track.artistCredit : album.artistCredit;
  const [rating, setRating] = useState<number | null>(null);
  const [status, setStatus] = useState<string>('');
  const [resetKey, setResetKey] = useState(0);

  const rate = (value: number | null) => {
    setRating(value);
    setStatus('Saving…');
    const saving = track ? ratePick({ kind: 'track', id: track.id, rating: value }) : ratePick({ kind: 'album', id: album.id, rating: value });
    saving.then(
      () => {
        setStatus(value === null ? 'Rating removed' : 'Rating saved');
        onRated?.();
      },
      (error: Error) => {
        setRating(null);
        setResetKey((key) => key + 1);
        setStatus(`Your rating was not saved: ${error.message}`);
      },
    );
  };

  return (
    <li className="card recommendation-card">
      <Link to={`/albums/${album.id}`} className="recommendation-cover" tabIndex={-1} aria-hidden="true">
        <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={96} decorative />
      </Link>
      <div className="recommendation-body">
        <h3 className="recommendation-title">
          <Link to={`/albums/${album.id}`}>{title}</Link>
        </h3>
        <p className="muted recommendation-artist">
          {artist}
          {track ? ` · from ${album.title}` : ''}
          {album.releaseYear ? ` · ${album.releaseYear}` : ''}
        </p>
        <ul className="recommendation-reasons" aria-label={`Why ${title} is recommended`}>
          {pick.reasons.map((reason) => (
            <li key={reason.text}>{reason.text}</li>
          ))}
        </ul>
        <div className="recommendation-actions">
          <RatingInput resetKey={resetKey} size="sm" value={rating} label={`Rate ${title}`} clearable onChange={rate} />
          {actions}
          <button type="button" className="btn btn-secondary btn-sm" onClick={onDismiss} aria-label={`Not interested in ${title}`}>
            Not interested
          </button>
        </div>
        <p className="muted recommendation-status" role="status">
          {status}
        </p>
      </div>
    </li>
  );
}
