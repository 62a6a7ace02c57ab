import type { Party } from '@muse/shared';
import { useEffect, useMemo, useRef } from 'react';
import { usePreviewPlayer } from '../../../lib/preview-player';
import { clockOffsetFrom, playbackSecondsAt } from '../api/playback-position';

/** How often a listener checks it is still with the shared player (clips drift, tabs sleep). */
const RESYNC_EVERY_MS = 1000;

/**
 * Makes the app's preview player follow the party's shared player while the viewer is in a live
 * party: the same track, at the same moment (late joiners seek to where it is now), paused when
 * it is paused; the player stops when they leave or the party ends.
 */
export function usePartyPlayer(party: Party | undefined, following: boolean): void {
  const player = usePreviewPlayer();
  const followed = useRef(false);
  const playback = party?.playback;
  const track = party?.tracks.find((t) => t.id === playback?.trackId) ?? null;
  const serverTime = party?.serverTime;
  const albumTitle = party?.album.title;
  const artist = party?.album.artist;
  // Taken as the answer arrives (rendering follows at once), not when the effect next runs.
  const offset = useMemo(() => (serverTime ? clockOffsetFrom(serverTime, Date.now()) : 0), [serverTime]);

  useEffect(() => {
    if (!player || !playback || !following) return;
    player.prepare();
    followed.current = true;
    const target = { playing: playback.playing, positionSeconds: () => playbackSecondsAt(playback, offset, Date.now()) };
    const preview = track ? { trackId: track.id, title: track.title, artist: artist ?? '', album: albumTitle ?? null } : null;
    player.follow(preview, target);
    const timer = setInterval(() => player.follow(preview, target), RESYNC_EVERY_MS);
    return () => clearInterval(timer);
  }, [player, playback, following, track, offset, albumTitle, artist]);

  // Leaving (or the party ending) stops what the party was playing, not what was playing before.
  useEffect(() => {
    if (following || !player || !followed.current) return;
    followed.current = false;
    player.follow(null, { playing: false, positionSeconds: () => 0 });
  }, [player, following]);
}
