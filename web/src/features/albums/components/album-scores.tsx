import { CHART_PRIOR_WEIGHT, type RatingStats } from '@muse/shared';
import { useId, useState } from 'react';
import { formatScore } from '../../../lib/format-music';
import { RatingHistogram } from './rating-histogram';

/**
 * What everyone thinks: mean, count, the weighted score used by charts (with a short
 * explanation behind a toggle) and the ten-bucket histogram. `live` marks real-time updates.
 */
export function AlbumScores({ stats, viewerRating, live }: { stats: RatingStats; viewerRating: number | null; live: boolean }) {
  const [explaining, setExplaining] = useState(false);
  const explanationId = useId();
  return (
    <section className="card album-scores" aria-labelledby="album-scores-title">
      <div className="card-header">
        <h2 id="album-scores-title" className="card-title">
          Ratings
        </h2>
        {live && (
          <span className="live-pill" title="Updates as people rate" data-testid="live-indicator">
            <span className="live-dot" aria-hidden="true" /> Live
          </span>
        )}
      </div>
      <div className="score-row">
        <div className="score">
          <span className="score-value" data-testid="album-mean">
            {formatScore(stats.mean)}
          </span>
          <span className="score-label">average</span>
        </div>
        <div className="score">
          <span className="score-value" data-testid="album-count">
            {stats.count.toLocaleString('en')}
          </span>
          <span className="score-label">{stats.count === 1 ? 'rating' : 'ratings'}</span>
        </div>
        <div className="score">
          <span className="score-value score-weighted" data-testid="album-weighted">
            {formatScore(stats.weighted)}
          </span>
          <span className="score-label">
            weighted{' '}
            <button
              type="button"
              className="info-button"
              aria-expanded={explaining}
              aria-controls={explanationId}
              onClick={() => setExplaining((value) => !value)}
            >
              <span aria-hidden="true">?</span>
              <span className="sr-only">What is the weighted score?</span>
            </button>
          </span>
        </div>
      </div>
      <p id={explanationId} className="score-explanation" hidden={!explaining}>
        The weighted score is a Bayesian average: the album’s ratings plus {CHART_PRIOR_WEIGHT} imaginary ratings at the site-wide average. An album with a
        handful of five-star ratings cannot outrank one loved by hundreds; charts rank by it.
      </p>
      {stats.count === 0 ? (
        <p className="muted histogram-empty">No ratings yet. Be the first.</p>
      ) : (
        <RatingHistogram histogram={stats.histogram} viewerRating={viewerRating} />
      )}
    </section>
  );
}
