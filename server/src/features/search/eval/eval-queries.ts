import { SearchQuerySchema } from '@muse/shared';
import { randomStream } from '../../../lib/seeded-random';

/**
 * The labelled query set of the search evaluation: queries a person would type to find an album
 * they know, generated from catalog albums with a seeded random source, so a seed always gives
 * the same set on the same catalog.
 */

/** An album the evaluation may sample, with the keys that decide which hits count as right. */
export interface EvalAlbum {
  id: string;
  title: string;
  /**
   * The first credited artist's name (their artist page's name, which an album may credit
   * differently: "Lisa Shaw" credited as "Li'sha"), or the whole credit when none is linked.
   */
  artist: string;
  /** muse_norm(title): albums sharing it are all right answers to a title-only query. */
  titleKey: string;
  /** muse_norm of each credited artist's name and credited name: who a title-and-artist query may name. */
  artistKeys: string[];
}

/** The normalised keys of an album a search returned. */
export type HitKeys = Pick<EvalAlbum, 'titleKey' | 'artistKeys'>;

export const QUERY_KINDS = [
  'exact title',
  'prefix',
  'lower-case accent-free',
  'title with a typo',
  'title artist',
  'artist title',
  'artist-with-a-typo title',
  'title artist-with-a-typo',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface EvalQuery {
  kind: QueryKind;
  q: string;
  /** The sampled album the query was made from. */
  albumId: string;
  /** Whether an album hit answers the query (the sampled album, or one indistinguishable from it by this query). */
  accepts: (hit: HitKeys) => boolean;
}

/** A deterministic random source: the same seed gives the same sequence. */
export const seededRandom = randomStream;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Words a typo may land in: runs of letters, at least this long (shorter ones are left exact). */
export const TYPO_MIN_WORD = 4;

export const TYPO_EDITS = ['deletion', 'insertion', 'substitution', 'transposition'] as const;
export type TypoEdit = (typeof TYPO_EDITS)[number];

/**
 * The text with one typo in a random word of TYPO_MIN_WORD letters or more: a letter deleted,
 * inserted, replaced by another, or swapped with a different neighbour, at a random position.
 * Null when the text has no such word.
 */
export function withTypo(text: string, random: () => number): string | null {
  const words = [...text.matchAll(/\p{L}+/gu)].filter((m) => [...m[0]].length >= TYPO_MIN_WORD);
  if (!words.length) return null;
  const word = pick(random, words);
  const letters = [...word[0]];
  const edit = pick(random, TYPO_EDITS);
  const otherLetter = (not: string) =>
    pick(
      random,
      [...LETTERS].filter((l) => l !== not.toLowerCase()),
    );
  const at = Math.floor(random() * letters.length);
  if (edit === 'deletion') letters.splice(at, 1);
  else if (edit === 'insertion') letters.splice(Math.floor(random() * (letters.length + 1)), 0, otherLetter(''));
  else if (edit === 'substitution') letters[at] = otherLetter(letters[at]!);
  else {
    // A swap of two equal letters changes nothing: only pairs that differ are candidates.
    const pairs = letters.slice(0, -1).flatMap((l, i) => (l.toLowerCase() !== letters[i + 1]!.toLowerCase() ? [i] : []));
    if (!pairs.length) letters[at] = otherLetter(letters[at]!);
    else {
      const i = pick(random, pairs);
      [letters[i], letters[i + 1]] = [letters[i + 1]!, letters[i]!];
    }
  }
  const start = word.index!;
  return text.slice(0, start) + letters.join('') + text.slice(start + word[0].length);
}

/**
 * Lower case without accents, as someone types who does not bother with either. Only Latin
 * letters lose their marks: in other scripts a mark is part of the letter (Japanese "が" is not
 * "か" typed carelessly).
 */
export function plainLowerCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase();
}

/** The title's first 60 % (at least 3 characters), cut as typed: the search box as it fills. */
export function titlePrefix(title: string): string {
  const chars = [...title];
  return chars
    .slice(0, Math.max(3, Math.ceil(chars.length * 0.6)))
    .join('')
    .trimEnd();
}

/** Shuffles a copy with the seeded source (Fisher-Yates). */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface QuerySetOptions {
  seed: number;
  /** Albums sampled; every kind gets one query per sampled album it applies to. */
  sample: number;
}

/**
 * The labelled query set: `sample` albums drawn with the seed (titles of at least 2 characters,
 * the search's minimum), each turned into one query of every kind that applies to it (a typo
 * needs a word of 4 letters or more). A title-only query accepts any album of the same
 * normalised title (or, for a prefix, any title starting with it); a query naming the artist
 * accepts only albums of the same title and artist.
 */
export function buildQuerySet(albums: readonly EvalAlbum[], { seed, sample }: QuerySetOptions): EvalQuery[] {
  const random = seededRandom(seed);
  const eligible = albums.filter((a) => a.titleKey.trim().length >= 2 && a.artist.trim().length > 0);
  const chosen = shuffled(eligible, random).slice(0, sample);
  const queries: EvalQuery[] = [];
  for (const album of chosen) {
    const sameTitle = (hit: HitKeys) => hit.titleKey === album.titleKey;
    // The query names the first artist, whose key comes first.
    const sameAlbum = (hit: HitKeys) => sameTitle(hit) && hit.artistKeys.includes(album.artistKeys[0]!);
    const add = (kind: QueryKind, q: string | null, accepts: EvalQuery['accepts']) => {
      // Only what the search box accepts (2 to 200 characters): a longer title is no query.
      if (q !== null && SearchQuerySchema.safeParse({ q }).success) queries.push({ kind, q, albumId: album.id, accepts });
    };
    const prefix = titlePrefix(album.title);
    const prefixKey = plainLowerCase(prefix);
    add('exact title', album.title, sameTitle);
    add('prefix', prefix, (hit) => plainLowerCase(hit.titleKey).startsWith(prefixKey) || sameTitle(hit));
    add('lower-case accent-free', plainLowerCase(album.title), sameTitle);
    add('title with a typo', withTypo(album.title, random), sameTitle);
    add('title artist', `${album.title} ${album.artist}`, sameAlbum);
    add('artist title', `${album.artist} ${album.title}`, sameAlbum);
    const typoArtist = withTypo(album.artist, random);
    add('artist-with-a-typo title', typoArtist && `${typoArtist} ${album.title}`, sameAlbum);
    add('title artist-with-a-typo', typoArtist && `${album.title} ${typoArtist}`, sameAlbum);
  }
  return queries;
}
