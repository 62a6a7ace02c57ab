/** Lower case without accents or punctuation, so "Östermalm!" is found by "ostermalm". */
export function searchable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A parsed search: free words plus Spotify's field filters (`track:`, `artist:`, `album:`, `isrc:`, `upc:`, `year:`). */
export interface SearchQuery {
  words: string[];
  fields: Partial<Record<'track' | 'artist' | 'album' | 'isrc' | 'upc' | 'year', string>>;
}

const FIELDS = new Set(['track', 'artist', 'album', 'isrc', 'upc', 'year']);

/** Reads `remaster track:"Doxy" artist:Miles Davis` the way Spotify's search box does. */
export function parseSearchQuery(q: string): SearchQuery {
  const query: SearchQuery = { words: [], fields: {} };
  const pattern = /(\w+):"([^"]*)"|(\w+):(\S+)|"([^"]*)"|(\S+)/g;
  for (const m of q.matchAll(pattern)) {
    const field = (m[1] ?? m[3])?.toLowerCase();
    const value = m[2] ?? m[4];
    if (field && FIELDS.has(field) && value !== undefined) query.fields[field as keyof SearchQuery['fields']] = value;
    else query.words.push(...searchable(m[0]).split(' ').filter(Boolean));
  }
  return query;
}

/** Whether every word of `needle` appears among the words of `haystack` (prefix match on the last). */
export function containsWords(haystack: string, needle: string): boolean {
  const words = searchable(needle).split(' ').filter(Boolean);
  const text = ` ${searchable(haystack)} `;
  return words.every((w, i) => (i === words.length - 1 ? text.includes(` ${w}`) : text.includes(` ${w} `)));
}

/**
 * Orders hits the way a search box is expected to: titles that the query names fully first
 * (more of the query's words in the title rank higher, a title with nothing else ranks highest),
 * the catalog order otherwise.
 */
export function rankByTitle<T>(hits: T[], titleOf: (hit: T) => string, query: string): T[] {
  const words = new Set(searchable(query).split(' ').filter(Boolean));
  const score = (hit: T) => {
    const title = searchable(titleOf(hit)).split(' ').filter(Boolean);
    const inQuery = title.filter((w) => words.has(w)).length;
    return inQuery * 2 + (inQuery === title.length ? 1 : 0);
  };
  return hits
    .map((hit, i) => ({ hit, i, s: score(hit) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.hit);
}
