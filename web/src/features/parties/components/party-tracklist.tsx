import type { Party } from '@muse/shared';
import { Button } from '../../../components/ui/button';
import { RatingInput } from '../../../components/ui/rating-input';
import { formatDuration, formatStars } from '../../../lib/format-music';
import { useRatePartyTrack } from '../api/rate-party-track';
import { useSetPartyPlayback } from '../api/set-party-playback';

interface PartyTracklistProps {
  party: Party;
  /** Whether the viewer has control of the shared player. */
  inControl: boolean;
}

/** The album's tracks: what plays now, each track's live party rating, the viewer's rating, and (for whoever has control) play buttons. */
export function PartyTracklist({ party, inControl }: PartyTracklistProps) {
  const play = useSetPartyPlayback(party.id);
  const rate = useRatePartyTrack(party.id);
  const live = party.status === 'live';
  const canRate = live && party.viewer.joined;
  return (
    <section className="card" aria-labelledby="party-tracks-title">
      <h2 id="party-tracks-title" className="card-title">
        Tracks
      </h2>
      <ol className="party-tracks">
        {party.tracks.map((track) => {
          const playing = party.playback.trackId === track.id;
          const rating = party.ratings.find((r) => r.trackId === track.id);
          return (
            <li key={track.id} className="party-track" aria-current={playing ? 'true' : undefined} data-party-track={track.id}>
              <span className="party-track-title">
                {track.position}. {track.title} <span className="muted">{formatDuration(track.durationMs)}</span>
                {playing && <strong className="party-now-playing"> {party.playback.playing ? 'Now playing' : 'Paused here'}</strong>}
              </span>
              <span className="party-track-rating" data-testid={`party-rating-${track.id}`}>
                {rating && rating.average !== null ? `Party: ${formatStars(rating.average)} (${rating.count})` : 'Not rated yet'}
              </span>
              {inControl && live && (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => play.mutate({ trackId: track.id, positionMs: 0, playing: true })}
                  aria-label={`Play for everyone: ${track.title}`}
                >
                  Play for everyone
                </Button>
              )}
              {canRate && (
                <RatingInput
                  size="sm"
                  label={`Your party rating of ${track.title}`}
                  value={party.myRatings[track.id] ?? null}
                  onChange={(value) => value !== null && rate.mutate({ trackId: track.id, rating: value })}
                />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
