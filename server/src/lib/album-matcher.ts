import { gateTagsAgree, normaliseArtist, normaliseForMatch, type MatchKey } from './music-text';
import type { CandidateRow, ImportsRepo } from '../features/imports/imports.repo';

/** What a row says about its album. */
export interface MatchQuery {
  artist: string;
  altArtist: string | null;
  title: string;
  year: number | null;
}

/** The matched album, or why there is none (shown to the user). */
export type MatchResult = { albumId: string; reason: null } | { albumId: null; reason: string };

const CANDIDATES = 25;
const YEAR_TOLERANCE = 1;

/**
 * Matches a row to a catalog album by normalised artist and title (and year, ±1, when both
 * sides have one). Candidates come from the trigram index; the decision is made here, on the
 * normalised forms, so that "Björk" = "bjork" and "The Beatles" = "Beatles, The". Version tags
 * that change what is heard (live, remix …) must agree. Lookups are cached per matcher.
 */
export class AlbumMatcher {
  private readonly cache = new Map<string, Promise<MatchResult>>();

  constructor(private readonly repo: Pick<ImportsRepo, 'findCandidates'>) {}

  match(q: MatchQuery): Promise<MatchResult> {
    const key = JSON.stringify([q.artist, q.altArtist, q.title, q.year]);
    let result = this.cache.get(key);
    if (!result) {
      result = this.lookup(q);
      this.cache.set(key, result);
    }
    return result;
  }

  private async lookup(q: MatchQuery): Promise<MatchResult> {
    const first = await this.matchArtist(q.artist, q);
    if (first.albumId || !q.altArtist) return first;
    const second = await this.matchArtist(q.altArtist, q);
    return second.albumId ? second : first;
  }

  private async matchArtist(artist: string, q: MatchQuery): Promise<MatchResult> {
    const wanted = normaliseForMatch(artist, q.title);
    if (!wanted.title || !wanted.artist) return { albumId: null, reason: 'The artist or title has no letters or digits to match on.' };
    const candidates = await this.repo.findCandidates(`${wanted.title} ${wanted.artist}`, CANDIDATES);
    const sameText = candidates.filter((c) => sameTitle(wanted, c) && sameArtist(wanted, c));
    const sameVersion = sameText.filter((c) => gateTagsAgree(wanted.tags, normaliseForMatch(c.artist_credit, c.title).tags));
    const inYear = sameVersion.filter((c) => q.year === null || c.release_year === null || Math.abs(c.release_year - q.year) <= YEAR_TOLERANCE);
    const best = inYear.sort((a, b) => rank(a, q.year, wanted) - rank(b, q.year, wanted) || b.rating_count - a.rating_count || Number(a.id) - Number(b.id))[0];
    if (best) return { albumId: best.id, reason: null };
    const quoted = `“${q.title}” by ${artist}`;
    if (sameVersion.length) {
      const years = [...new Set(sameVersion.map((c) => c.release_year))].sort().join(', ');
      return { albumId: null, reason: `${quoted} is in the catalog, but from ${years}, not ${q.year}.` };
    }
    if (sameText.length) return { albumId: null, reason: `Only a different version of ${quoted} is in the catalog.` };
    return { albumId: null, reason: `No album ${quoted} in the catalog.` };
  }
}

function sameTitle(wanted: MatchKey, c: CandidateRow): boolean {
  return normaliseForMatch(c.artist_credit, c.title).title === wanted.title;
}

/** The whole credit, or any one credited artist ("Jay-Z" finds "Jay-Z & Kanye West"). */
function sameArtist(wanted: MatchKey, c: CandidateRow): boolean {
  if (normaliseArtist(c.artist_credit) === wanted.artist) return true;
  return c.credited_names.some((name) => normaliseArtist(name) === wanted.artist);
}

/** Lower is better: the exact year, then soft tags in common (a remaster asked for, a remaster found). */
function rank(c: CandidateRow, year: number | null, wanted: MatchKey): number {
  const yearScore = year === null || c.release_year === null ? 1 : c.release_year === year ? 0 : 2;
  const tags = normaliseForMatch(c.artist_credit, c.title).tags;
  const sameTags = tags.length === wanted.tags.length && tags.every((t) => wanted.tags.includes(t));
  return yearScore * 2 + (sameTags ? 0 : 1);
}
