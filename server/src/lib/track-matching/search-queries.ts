import { foldText, parseTitle, scriptOf } from './normalise-text';
import type { SourceTrack } from './track-profile';
import { isGate, readSegment } from './version-tags';

const MAX_QUERY_LENGTH = 120;

/** Whitespace collapsed, characters services' query parsers read as syntax (quotes, colons) removed. */
const clean = (s: string) =>
  s
    .replace(/["“”:*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);

/**
 * Queries to send to the target service's track search, in order; the caller stops at the first
 * that returns anything. First the title core with the version it must be (live, remix, ...) and
 * the first artist: the services' search is forgiving (accents, case, punctuation, word order),
 * so when that query finds nothing the recording is not there under that title and artist, and
 * a broader query would only bring other songs of the same name, which a match found by search
 * alone must not take (another credit is another act). The one exception is a title or credit in
 * another script than Latin: the other service often writes the artist another way ("LiSA" /
 * "リサ", "BTS" / "방탄소년단"), so the title alone is tried next. Empty when the source has no title.
 */
export function searchQueries(source: SourceTrack): string[] {
  const parts = parseTitle(source.title);
  const title = parts.core || source.title.trim();
  if (!title) return [];
  const artist = parseTitle(source.artists[0] ?? '').core;
  // The words that name a version it must be, without a remaster or an edit riding along ("Live: Remastered" → "Live").
  const version = parts.segments
    .flatMap((segment) => segment.split(/\s*[:;,]\s*|\s+-\s+/))
    .filter((piece) => readSegment(piece).tags.some(isGate))
    .join(' ');
  const written = (text: string) => scriptOf(foldText(text));
  const otherScript = [title, artist].some((text) => text && written(text) !== 'latin' && written(text) !== 'none');
  const candidates = [[title, version, artist].filter(Boolean).join(' '), otherScript ? title : ''];
  const queries: string[] = [];
  for (const q of candidates.map(clean)) if (q && !queries.some((x) => x.toLowerCase() === q.toLowerCase())) queries.push(q);
  return queries;
}
