/**
 * Deterministic choices for the sandbox: every decision is a pure function of the seed and a
 * key, so a catalog, a playlist entry or an id comes out the same in every run and can be made
 * on demand (a 10,000-track playlist is never materialised).
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A 32-bit FNV-1a hash of the text, mixed once more so close keys land far apart. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stream of numbers in [0, 1) seeded by a key (mulberry32). */
export function randomStream(key: string): () => number {
  let state = hash32(key);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
