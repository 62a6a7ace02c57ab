import { createContext, useContext } from 'react';

/** A track as the preview player shows it; `trackId` is null for a playlist entry that is not in the catalog (it has no preview). */
export interface PreviewTrack {
  trackId: string | null;
  title: string;
  artist: string;
  album?: string | null;
  coverUrl?: string | null;
}

/** What play buttons across the app may do with the one player the app shell holds. */
export interface PreviewPlayerControls {
  /** The track loaded in the player, if any. */
  currentTrackId: string | null;
  /** Whether the current track is playing (or about to, while it loads). */
  playing: boolean;
  loading: boolean;
  /** Fetches the audio library ahead of the first play; play buttons call it as their page mounts. */
  prepare(): void;
  /**
   * Plays `track` with `queue` (the album's or playlist's tracks, in order) as what next and
   * previous go through; on the current track, pauses or resumes instead.
   */
  toggle(track: PreviewTrack, queue: readonly PreviewTrack[]): void;
  /**
   * Follows a shared player (a listening party): plays `track` from `positionSeconds()` (asked
   * again once the clip is loaded, so loading time is not lost), keeps within `SHARED_DRIFT_SECONDS`
   * of it on later calls, pauses when `playing` is false. `track` null stops the player.
   */
  follow(track: PreviewTrack | null, target: SharedPosition): void;
}

/** Where a shared player stands now, as a listening party computes it. */
export interface SharedPosition {
  playing: boolean;
  positionSeconds(): number;
}

/** How far a follower may drift from the shared position before it seeks back to it. */
export const SHARED_DRIFT_SECONDS = 0.5;

/** Null outside the signed-in app shell (previews are for signed-in listeners): play buttons then render nothing. */
export const PreviewPlayerContext = createContext<PreviewPlayerControls | null>(null);

/** The player's controls, or null when there is no player on this page. */
export function usePreviewPlayer(): PreviewPlayerControls | null {
  return useContext(PreviewPlayerContext);
}
