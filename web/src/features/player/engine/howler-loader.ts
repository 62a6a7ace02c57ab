import { loadOnce } from '../../../lib/load-once';
import type { ReadinessCheck, SoundFactory } from './player-controller';

let factory: SoundFactory | null = null;

/**
 * Fetches howler (a chunk of its own, out of the first download) once. Pages with play buttons
 * ask for it as they mount, and the first play waits for it; a failed fetch is tried again on
 * the next call.
 */
export const loadHowlerSound: () => Promise<SoundFactory> = loadOnce(() =>
  import('./howler-sound').then(
    (module) => (factory = module.createHowlerSound),
    () => {
      throw new Error('The player could not be loaded. Check your connection and try again.');
    },
  ),
);

/** Plays through howler once `loadHowlerSound` has resolved; the readiness check from `whenHowlerLoaded` makes sure it has. */
export const createLoadedHowlerSound: SoundFactory = (src, events, settings) => {
  if (!factory) throw new Error('howler is played before it was loaded');
  return factory(src, events, settings);
};

/** `check`, also waiting for howler: a track is ready to play once its clip is stored and the library is here. */
export function whenHowlerLoaded(check: ReadinessCheck): ReadinessCheck {
  return async (trackId, signal) => {
    const [readiness] = await Promise.all([check(trackId, signal), loadHowlerSound()]);
    return readiness;
  };
}
