import { useEffect } from 'react';
import type { PlayerController, PlayerState } from './player-controller';

const session = (): MediaSession | null => (typeof navigator !== 'undefined' && 'mediaSession' in navigator ? navigator.mediaSession : null);

/**
 * Tells the operating system what is playing (lock screen, media keys, headphones): the track's
 * title, artist, album and cover, play/pause state and position, and hands its play, pause,
 * next, previous and seek actions to the player.
 */
export function useMediaSession(controller: PlayerController, state: PlayerState): void {
  const track = state.queue[state.index] ?? null;

  useEffect(() => {
    const media = session();
    if (!media) return;
    const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
      ['play', () => controller.resume()],
      ['pause', () => controller.pause()],
      ['stop', () => controller.stop()],
      ['nexttrack', () => controller.next()],
      ['previoustrack', () => controller.previous()],
      ['seekto', (details) => details.seekTime !== undefined && details.seekTime !== null && controller.seek(details.seekTime)],
      ['seekbackward', (details) => controller.seekBy(-(details.seekOffset ?? 5))],
      ['seekforward', (details) => controller.seekBy(details.seekOffset ?? 5)],
    ];
    const set = (handler: (action: MediaSessionAction, fn: MediaSessionActionHandler) => void) => {
      for (const [action, fn] of handlers) {
        try {
          handler(action, fn);
        } catch {
          // A browser that does not know an action says so by throwing; the others still work.
        }
      }
    };
    set((action, fn) => media.setActionHandler(action, fn));
    return () => set((action) => media.setActionHandler(action, null));
  }, [controller]);

  const trackId = track?.trackId ?? null;
  useEffect(() => {
    const media = session();
    if (!media) return;
    if (!track || typeof MediaMetadata === 'undefined') {
      media.metadata = null;
      return;
    }
    const artwork = track.coverUrl ? [{ src: new URL(track.coverUrl, window.location.href).href, sizes: '300x300' }] : [];
    media.metadata = new MediaMetadata({ title: track.title, artist: track.artist, album: track.album ?? '', artwork });
    // The track object is replaced on every queue change; its id says when the metadata must change.
  }, [trackId]);

  useEffect(() => {
    const media = session();
    if (media) media.playbackState = state.phase === 'playing' ? 'playing' : state.phase === 'paused' ? 'paused' : 'none';
  }, [state.phase]);

  const second = Math.floor(state.position);
  useEffect(() => {
    const media = session();
    if (!media?.setPositionState || !(state.duration > 0)) return;
    try {
      media.setPositionState({ duration: state.duration, position: Math.min(second, state.duration), playbackRate: 1 });
    } catch {
      // Position outside the duration while a clip changes: the next second sets it right.
    }
  }, [second, state.duration]);
}
