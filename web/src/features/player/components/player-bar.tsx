import { AlbumCover } from '../../../components/ui/album-cover';
import { CloseIcon, NextIcon, PauseIcon, PlayIcon, PreviousIcon, VolumeIcon } from '../../../components/ui/player-icons';
import type { PlayerController, PlayerState } from '../engine/player-controller';
import { clock, ProgressSlider } from './progress-slider';

interface PlayerBarProps {
  state: PlayerState;
  controller: PlayerController;
}

/**
 * The bar at the foot of every signed-in page while a preview is loaded: the track, previous /
 * play-pause / next, the seekable progress with time elapsed and remaining, mute and volume,
 * loading and error states, and a polite live region saying what changed.
 */
export function PlayerBar({ state, controller }: PlayerBarProps) {
  const track = state.queue[state.index];
  const announcer = (
    <p className="sr-only" role="status" aria-live="polite" data-testid="player-announcer">
      {state.announcement}
    </p>
  );
  if (!track) return announcer;
  const playing = state.phase === 'playing' || state.phase === 'loading';
  const remaining = Math.max(0, state.duration - state.position);
  return (
    <section className="player-bar" aria-label="Preview player">
      {announcer}
      <div className="player-track">
        <AlbumCover title={track.album ?? track.title} artist={track.artist} coverUrl={track.coverUrl ?? null} size={44} decorative />
        <div className="player-track-text">
          <span className="player-title">{track.title}</span>
          <span className="player-artist">{track.artist}</span>
          {state.phase === 'loading' && <span className="player-state">Loading the preview…</span>}
          {state.error && (
            <span className="player-state player-error" role="alert">
              {state.error}
            </span>
          )}
          {state.phase === 'ended' && !state.error && <span className="player-state">End of the previews</span>}
        </div>
      </div>
      <div className="player-controls">
        <button type="button" className="player-button" aria-label="Previous preview" title="Previous (Shift + ←)" onClick={() => controller.previous()}>
          <PreviousIcon />
        </button>
        <button
          type="button"
          className="player-button player-button-main"
          aria-label={playing ? `Pause ${track.title}` : `Play ${track.title}`}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          aria-busy={state.phase === 'loading' || undefined}
          onClick={() => controller.togglePlay()}
        >
          {state.phase === 'loading' ? <span className="spinner" aria-hidden="true" /> : playing ? <PauseIcon size={18} /> : <PlayIcon size={18} />}
        </button>
        <button type="button" className="player-button" aria-label="Next preview" title="Next (Shift + →)" onClick={() => controller.next()}>
          <NextIcon />
        </button>
      </div>
      <div className="player-progress">
        <span className="player-time" data-testid="player-elapsed">
          <span className="sr-only">Elapsed </span>
          {clock(state.position)}
        </span>
        <ProgressSlider position={state.position} duration={state.duration} onSeek={(seconds) => controller.seek(seconds)} />
        <span className="player-time">
          <span className="sr-only">Remaining </span>
          <span aria-hidden="true">-</span>
          {clock(remaining)}
        </span>
      </div>
      <div className="player-volume">
        <button
          type="button"
          className="player-button"
          aria-label={state.muted ? 'Unmute' : 'Mute'}
          aria-pressed={state.muted}
          onClick={() => controller.toggleMute()}
        >
          <VolumeIcon muted={state.muted || state.volume === 0} />
        </button>
        <input
          type="range"
          className="player-volume-slider"
          aria-label="Volume"
          min={0}
          max={100}
          step={5}
          value={Math.round((state.muted ? 0 : state.volume) * 100)}
          aria-valuetext={state.muted ? 'Muted' : `${Math.round(state.volume * 100)}%`}
          onChange={(event) => controller.setVolume(Number(event.target.value) / 100)}
        />
        <button type="button" className="player-button player-close" aria-label="Close the player" onClick={() => controller.stop()}>
          <CloseIcon />
        </button>
      </div>
    </section>
  );
}
