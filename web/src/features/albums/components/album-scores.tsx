import { CHART_PRIOR_WEIGHT, type AggregateView, type RatingStats } from '@muse/shared';
import { useId, useState } from 'react';
import { formatDay, formatNumber, formatScore } from '../../../lib/format-music';
import { useAlbumAggregate } from '../api/get-album-aggregate';
import { AggregateViewPicker } from './aggregate-view-picker';
import { RatingHistogram } from './rating-histogram';
import { ScoreHoldNotice } from './score-hold-notice';

const EMPTY_NOTE: Record<AggregateView, string> = {
  everyone: 'No ratings yet. Be the first.',
  established: 'No established account has rated it yet.',
  following: 'Nobody you follow has rated it (or their ratings are not visible to you).',
  taste: 'Nobody whose taste matches yours has rated it yet.',
};

interface AlbumScoresProps {
  albumId: string;
  /** The page's own aggregate ("everyone", weighted), patched live. */
  stats: RatingStats;
  viewerRating: number | null;
  live: boolean;
  signedIn: boolean;
  /** Before release with the embargo on: the aggregate is hidden until this date. */
  embargoedUntil?: string | null;
}

/**
 * What everyone thinks: mean, count, the weighted score used by charts (with a short
 * explanation behind a toggle) and the ten-bucket histogram, for the chosen view of whose
 * ratings count. `live` marks real-time updates of the default view; a held score says so.
 */
export function AlbumScores({ albumId, stats, viewerRating, live, signedIn, embargoedUntil }: AlbumScoresProps) {
  const [explaining, setExplaining] = useState(false);
  const [view, setView] = useState<AggregateView>('everyone');
  const other = useAlbumAggregate(albumId, view);
  const explanationId = useId();
  const shown: RatingStats | undefined = view === 'everyone' ? stats : other.data;
  return (
    <section className="card album-scores" aria-labelledby="album-scores-title">
      <div className="card-header">
        <h2 id="album-scores-title" className="card-title">
          Ratings
        </h2>
        {live && view === 'everyone' && (
          <span className="live-pill" title="Updates as people rate" data-testid="live-indicator">
            <span className="live-dot" aria-hidden="true" /> Live
          </span>
        )}
      </div>
      {embargoedUntil ? (
        <p className="muted" data-testid="aggregate-embargo">
          Ratings stay hidden until the release on {formatDay(embargoedUntil)}. Your own rating is kept and shown to you.
        </p>
      ) : (
        <>
          <AggregateViewPicker value={view} onChange={setView} signedIn={signedIn} />
          {view === 'everyone' && stats.heldSince && <ScoreHoldNotice since={stats.heldSince} />}
          {!shown ? (
            <p className="muted" role="status">
              {other.isError ? `Could not load this view: ${other.error.message}` : 'Loading…'}
            </p>
          ) : (
            <>
              <div className="score-row" data-testid="album-score-row">
                <div className="score">
                  <span className="score-value" data-testid="album-mean">
                    {formatScore(shown.mean)}
                  </span>
                  <span className="score-label">average</span>
                </div>
                <div className="score">
                  <span className="score-value" data-testid="album-count">
                    {formatNumber(shown.count)}
                  </span>
                  <span className="score-label">{shown.count === 1 ? 'rating' : 'ratings'}</span>
                </div>
                <div className="score">
                  <span className="score-value score-weighted" data-testid="album-weighted">
                    {formatScore(shown.weighted)}
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
                The weighted score is a Bayesian average: the album’s ratings plus {CHART_PRIOR_WEIGHT} imaginary ratings at the site-wide average. An album
                with a handful of five-star ratings cannot outrank one loved by hundreds; charts rank by it. Ratings from new accounts with little history count
                with a reduced weight until the accounts are established; the count and the histogram always count every rating once.
              </p>
              {shown.count === 0 ? (
                <p className="muted histogram-empty">{EMPTY_NOTE[view]}</p>
              ) : (
                <RatingHistogram histogram={shown.histogram} viewerRating={viewerRating} />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
