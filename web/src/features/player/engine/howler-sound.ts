import { Howl } from 'howler';
import type { SoundFactory } from './player-controller';

/**
 * A clip played by howler as an HTML5 audio element, so it streams with range requests and
 * starts before the whole clip has arrived (Web Audio would download and decode it first).
 */
export const createHowlerSound: SoundFactory = (src, events, settings) => {
  let id: number | undefined;
  const howl = new Howl({
    src: [src],
    html5: true,
    // The address has no extension; the clip is AAC/M4A (Apple) or MP3 (Spotify), both of which browsers play.
    format: ['m4a', 'mp3'],
    volume: settings.volume,
    mute: settings.muted,
    onplay: () => events.onPlay(),
    onpause: () => events.onPause(),
    onend: () => events.onEnd(),
    onloaderror: (_id, error) => events.onError(String(error)),
    onplayerror: (_id, error) => events.onError(String(error)),
  });
  return {
    play: () => {
      id = howl.play(id);
    },
    pause: () => {
      if (id !== undefined) howl.pause(id);
    },
    position: () => {
      const at = howl.seek();
      return typeof at === 'number' ? at : 0;
    },
    seek: (seconds) => {
      howl.seek(seconds);
    },
    duration: () => howl.duration(),
    volume: (level) => {
      howl.volume(level);
    },
    mute: (muted) => {
      howl.mute(muted);
    },
    unload: () => howl.unload(),
  };
};
