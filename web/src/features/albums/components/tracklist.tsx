import type { TrackView } from '@muse/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RatingInput } from '../../../components/ui/rating-input';
import { formatDuration, formatScore } from '../../../lib/format-music';

interface TracklistProps {
  tracks: TrackView[];
  albumArtist: string;
  /** Present when the viewer may rate: called with a track and its new rating (null removes it). */
  onRate?: (track: TrackView, rating: number | null) => void;
  /** Changing it resets the rating widgets to the saved ratings (after the server refused one). */
  resetKey?: number;
  /** Controls at the end of each row that other features provide (e.g. "Add to playlist"). */
  renderActions?: (track: TrackView) => ReactNode;
  /** A control at the start of each row that another feature provides (the preview's play button). */
  renderLead?: (track: TrackView) => ReactNode;
}

/** Groups tracks by disc, keeping the catalog's order inside each. */
function byDisc(tracks: TrackView[]): [number, TrackView[]][] {
  const discs = new Map<number, TrackView[]>();
  for (const track of tracks) discs.set(track.disc, [...(discs.get(track.disc) ?? []), track]);
  return [...discs.entries()].sort(([a], [b]) => a - b);
}

/**
 * The tracklist: positions as printed (A1, B2 …), titles linking to the track pages, guest credits that differ from the
 * album's, durations as m:ss and per-track ratings, with a heading per disc when there are several.
 */
export function Tracklist({ tracks, albumArtist, onRate, resetKey = 0, renderActions, renderLead }: TracklistProps) {
  if (tracks.length === 0) return <p className="empty-state">The catalog has no tracklist for this release.</p>;
  const discs = byDisc(tracks);
  const total = tracks.reduce((sum, track) => sum + (track.durationMs ?? 0), 0);

  return (
    <div className="tracklist">
      {discs.map(([disc, discTracks]) => (
        <section key={disc} aria-label={discs.length > 1 ? `Disc ${disc}` : 'Tracks'}>
          {discs.length > 1 && <h3 className="tracklist-disc">Disc {disc}</h3>}
          <ol className="tracklist-rows">
            {discTracks.map((track) => (
              <li key={track.id} id={`track-${track.id}`} className={`track-row${renderLead ? ' track-row-with-lead' : ''}`}>
                {renderLead && <span className="track-lead">{renderLead(track)}</span>}
                <span className="track-position" aria-hidden={track.positionLabel ? undefined : true}>
                  {track.positionLabel ?? track.position}
                </span>
                <span className="track-main">
                  <Link className="track-title" to={`/tracks/${track.id}`}>
                    {track.title}
                  </Link>
                  {track.artistCredit && track.artistCredit !== albumArtist && <span className="track-artist">{track.artistCredit}</span>}
                </span>
                <span
                  className="track-score"
                  title={track.stats.count ? `${track.stats.count} ratings, average ${formatScore(track.stats.mean)}` : 'No ratings yet'}
                >
                  {track.stats.count > 0 ? (
                    <>
                      <span aria-hidden="true">★ </span>
                      {formatScore(track.stats.mean)}
                      <span className="sr-only"> average from {track.stats.count} ratings</span>
                    </>
                  ) : null}
                </span>
                {onRate && (
                  <span className="track-rating">
                    <RatingInput
                      resetKey={resetKey}
                      size="sm"
                      value={track.viewerRating}
                      label={`Your rating of the track ${track.title}`}
                      clearable
                      clearLabel={`Remove your rating of the track ${track.title}`}
                      onChange={(rating) => onRate(track, rating)}
                    />
                  </span>
                )}
                <span className="track-duration">
                  {track.durationMs !== null && <time dateTime={`PT${Math.round(track.durationMs / 1000)}S`}>{formatDuration(track.durationMs)}</time>}
                </span>
                {renderActions && <span className="track-actions">{renderActions(track)}</span>}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {total > 0 && (
        <p className="tracklist-total muted">
          Total length <time dateTime={`PT${Math.round(total / 1000)}S`}>{formatDuration(total)}</time>
        </p>
      )}
    </div>
  );
}
