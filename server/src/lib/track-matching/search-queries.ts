import { foldText, parseTitle } from './normalise-text';
import type { SourceTrack } from './track-profile';
import { isGate, readSegment } from './version-tags';

const MAX_QUERIES = 3;
const MAX_QUERY_LENGTH = 120;

/** Whitespace collapsed, characters services' query parsers read as syntax (quotes, colons) removed. */
const clean = (s: string) =>
  s
    .replace(/["“”:*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);

/**
 * Queries to send to the target service's track search, most specific first (at most 3): title
 * core with the version it must be (live, remix, ...) and the first artist; then without the
 * version; then accent-free, or the title alone when folding changes nothing. Empty when the
 * source has no title.
 */
export function searchQueries(source: SourceTrack): string[] {
  const parts = parseTitle(source.title);
  const title = parts.core || source.title.trim();
  if (!title) return [];
  const artist = parseTitle(source.artists[0] ?? '').core;
  const version = parts.segments.filter((segment) => readSegment(segment).tags.some(isGate)).join(' ');
  const candidates = [
    version ? `${title} ${version} ${artist}` : '',
    `${title} ${artist}`,
    foldText(`${title} ${artist}`) !== `${title} ${artist}`.toLowerCase() ? foldText(`${title} ${artist}`) : '',
    title,
  ];
  const queries: string[] = [];
  for (const q of candidates.map(clean)) if (q && !queries.some((x) => x.toLowerCase() === q.toLowerCase())) queries.push(q);
  return queries.slice(0, MAX_QUERIES);
}
