import { hash32, randomStream as numberStream } from '../../lib/seeded-random';

/**
 * Deterministic choices for the sandbox: every decision is a pure function of the seed and a
 * key, so a catalog, a playlist entry or an id comes out the same in every run and can be made
 * on demand (a 10,000-track playlist is never materialised).
 */

export { hash32 };

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A stream of numbers in [0, 1) seeded by a key. */
export function randomStream(key: string): () => number {
  return numberStream(hash32(key));
}

/** One number in [0, 1) for a key: the basis of every "this track is missing on Apple" decision. */
export function chance(key: string): number {
  return randomStream(key)();
}

/** A Spotify-style id: 22 base62 characters. */
export function base62Id(key: string, length = 22): string {
  const next = randomStream(key);
  let id = '';
  for (let i = 0; i < length; i += 1) id += BASE62[Math.floor(next() * 62)];
  return id;
}

/** An Apple-style catalog id: a number of 9 to 10 digits, as text. */
export function numericId(key: string): string {
  const next = randomStream(key);
  return String(100_000_000 + Math.floor(next() * 1_800_000_000));
}
