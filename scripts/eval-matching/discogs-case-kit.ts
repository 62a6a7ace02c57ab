import { createHash } from 'node:crypto';
import type { DiscogsRelease, DiscogsTrack } from '../../server/src/seed/discogs-release';
import { randomStream } from '../../server/src/lib/seeded-random';

/**
 * What the Discogs case generator builds cases from: a seeded random stream, ids and ISRCs shaped
 * like the services', and a track printed the way Spotify or Apple Music prints it.
 */

export type Service = 'spotify' | 'apple';
export interface Track {
  title: string;
  artists: string[];
  album: string | null;
  durationMs: number | null;
  isrc?: string | null;
  explicit?: boolean | null;
}
export interface Case {
  id: string;
  kind: string;
  source: Track;
  candidates: Array<Track & { id: string }>;
  expected: string | null;
}
export interface Pick {
  release: DiscogsRelease;
  track: DiscogsTrack;
  artists: string[];
}

let stream = randomStream(11);
/** Starts the generator's random stream over from a seed: the same seed writes the same cases. */
export function seedRandom(seed: number): void {
  stream = randomStream(seed);
}
/** The generator's next number in [0, 1). */
export function random(): number {
  return stream();
}
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
export const chance = (p: number) => random() < p;
export const shuffle = <T>(xs: T[]): T[] => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
};
export const hash = (s: string) => createHash('sha256').update(s).digest();

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** An id shaped like the service's: Spotify's 22 base-62 characters, Apple's 10 digits. */
export function serviceId(service: Service, key: string): string {
  const h = hash(key);
  if (service === 'apple') return String(1_000_000_000 + (h.readUInt32BE(0) % 800_000_000));
  return Array.from(h.subarray(0, 22), (b) => B62[b % 62]).join('');
}
/** A plausible ISRC for a recording: CC-XXX-YY-NNNNN. */
export function isrcFor(key: string, year: number | null): string {
  const h = hash(`isrc:${key}`);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const cc = pick(['GB', 'US', 'DE', 'FR', 'NL', 'SE']);
  const reg = Array.from(h.subarray(0, 3), (b) => letters[b % 26]).join('');
  const yy = String((year ?? 2000) % 100).padStart(2, '0');
  return `${cc}${reg}${yy}${String(h.readUInt32BE(4) % 100_000).padStart(5, '0')}`;
}

export const jitter = (ms: number | null, spread = 1500) => (ms === null ? null : Math.max(1000, ms + Math.round((random() * 2 - 1) * spread)));
export const appleCredit = (names: string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} & ${names[names.length - 1]}`);
/** A version marker as each service prints it after a title. */
export const tagged = (service: Service, title: string, tag: string) => (service === 'spotify' ? `${title} - ${tag}` : `${title} (${tag})`);
export const artistsFor = (service: Service, names: string[]) => (service === 'spotify' ? names : [appleCredit(names)]);
export const other = (s: Service): Service => (s === 'spotify' ? 'apple' : 'spotify');

/** The source as the source service prints it, and the same recording as the target service does. */
export function formatted(service: Service, p: Pick, opts: { title?: string; album?: string | null; durationMs?: number | null } = {}): Track {
  return {
    title: opts.title ?? p.track.title,
    artists: artistsFor(service, p.artists),
    album: opts.album === undefined ? p.release.title : opts.album,
    durationMs: opts.durationMs === undefined ? p.track.durationMs : opts.durationMs,
    explicit: false,
  };
}

export const VENUES = ['Live at Paradiso, Amsterdam', 'Live at Brixton Academy', 'Live in Berlin', 'Live at Fabric, London', 'Live', 'Live in Tokyo, 1998'];
export const KARAOKE = [
  (_a: string) => ({ tag: 'Karaoke Version', artist: 'Karaoke Hits Band', album: 'Karaoke Hits, Vol. 7' }),
  (a: string) => ({ tag: `In the Style of ${a}`, artist: 'Ameritz Karaoke Band', album: `Karaoke - In the Style of ${a}` }),
  (a: string) => ({ tag: `Originally Performed by ${a}`, artist: 'Sing Karaoke Hits', album: 'Karaoke Favourites' }),
];
