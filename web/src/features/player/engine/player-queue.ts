import type { PreviewTrack } from '../../../lib/preview-player';

/**
 * The position of the next track worth trying from `from` in `direction` (1: next, -1:
 * previous): one in the catalog that is not in `skip` (known to have no preview, or whose clip
 * failed). -1 when there is none before the end.
 */
export function nextPlayable(tracks: readonly PreviewTrack[], from: number, direction: 1 | -1, skip: ReadonlySet<string>): number {
  for (let i = from + direction; i >= 0 && i < tracks.length; i += direction) {
    const id = tracks[i]!.trackId;
    if (id !== null && !skip.has(id)) return i;
  }
  return -1;
}

/** Where `track` is in `queue` (by catalog id), or -1. */
export function indexOfTrack(queue: readonly PreviewTrack[], track: PreviewTrack): number {
  return track.trackId === null ? -1 : queue.findIndex((t) => t.trackId === track.trackId);
}

/** The queue to play `track` in: `queue` itself when it holds the track, else the track alone. */
export function queueFor(track: PreviewTrack, queue: readonly PreviewTrack[]): { tracks: PreviewTrack[]; index: number } {
  const index = indexOfTrack(queue, track);
  return index === -1 ? { tracks: [track], index: 0 } : { tracks: [...queue], index };
}
