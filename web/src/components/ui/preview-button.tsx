import { useEffect } from 'react';
import { PREVIEW_REASON_TEXT, type PreviewUnavailableReason } from '@muse/shared';
import { usePreviewPlayer, type PreviewTrack } from '../../lib/preview-player';
import { usePreviewStatuses } from '../../lib/preview-status';
import { PauseIcon, PlayIcon } from './player-icons';

interface PreviewButtonProps {
  track: PreviewTrack;
  /** The tracks of the album or playlist this one is in, in order: next and previous go through them. */
  queue: readonly PreviewTrack[];
}

// What a row shows in place of the button, short enough for a phone; the full reason is its title and what screen readers hear.
const SHORT_REASON: Record<PreviewUnavailableReason | 'not_in_catalog', string> = {
  not_on_services: 'Not on services',
  refused: 'No playable clip',
  fetch_failed: 'No preview yet',
  no_services: 'No services',
  not_in_catalog: 'Not in catalog',
};

const NOT_IN_CATALOG = 'No preview: this track is not in the Muse catalog, so Muse cannot find its clip.';

/**
 * Play/pause for a track's 30-second preview in the app's one player. A track without a preview
 * says why instead of showing a dead button; nothing renders where there is no player (signed
 * out). Asks for the preview states of the whole queue at once (one request per list, shared by
 * its rows), which also starts fetching the clips before anyone presses play.
 */
export function PreviewButton({ track, queue }: PreviewButtonProps) {
  const player = usePreviewPlayer();
  const prepare = player?.prepare;
  useEffect(() => prepare?.(), [prepare]);
  const statuses = usePreviewStatuses(
    queue.map((t) => t.trackId),
    player !== null,
  );
  if (!player) return null;
  const status = track.trackId ? statuses.get(track.trackId) : undefined;
  if (!track.trackId || status?.state === 'none') {
    const reason = track.trackId ? (status?.reason ?? 'not_on_services') : 'not_in_catalog';
    const text = reason === 'not_in_catalog' ? NOT_IN_CATALOG : PREVIEW_REASON_TEXT[reason];
    return (
      <span className="preview-none" title={text}>
        <span aria-hidden="true">{SHORT_REASON[reason]}</span>
        <span className="sr-only">
          {track.title}: {text}
        </span>
      </span>
    );
  }
  const current = player.currentTrackId === track.trackId;
  const playing = current && player.playing;
  const loading = current && player.loading;
  const label = `${playing ? 'Pause' : 'Play'} the preview of ${track.title}`;
  return (
    <button
      type="button"
      className={`preview-button${current ? ' preview-button-current' : ''}`}
      aria-label={label}
      title={label}
      aria-busy={loading || undefined}
      data-preview-track={track.trackId}
      onClick={() => player.toggle(track, queue)}
    >
      {loading ? <span className="spinner" aria-hidden="true" /> : playing ? <PauseIcon size={14} /> : <PlayIcon size={14} />}
    </button>
  );
}
