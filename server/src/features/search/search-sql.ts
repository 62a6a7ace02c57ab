/**
 * The search text as Postgres normalised it (muse_norm: unaccented, lower case), its prefix
 * tsquery ('' when it has no words), the end of its prefix range, and its trigram count.
 */
export interface PreparedQuery {
  text: string;
  tsquery: string;
  /** The least string above every string that starts with the text (byte order): the prefix range's end. */
  prefixEnd: string;
  /** LIKE pattern for the query's longest word anywhere: a cheap necessary condition of a full-text match. */
  contains: string;
  trigrams: number;
}

export interface SearchFilters {
  genre?: string;
  year?: number;
}

/**
 * Full-text or typo candidates ranked per query, taken in index order: a query matching more
 * rows than this (a vague one, that the next letter narrows) ranks a subset of them.
 */
export const POOL = 100;
/** Rows whose text starts with the query, in alphabetical order: exact matches come first. */
export const STARTS_POOL = 50;
/** The most-rated albums (or tracks) always checked for a match, so vague queries show famous ones. */
export const POPULAR_POOL = 200;

/** Album columns as CatalogReadModel's AlbumRow has them (release_date as text: no time-zone shift). */
export const ALBUM_FIELDS = `a.id, a.title, a.artist_credit, a.release_date_precision, a.release_year, a.type, a.genres, a.styles,
  a.label, a.catalog_number, a.country, a.upc, a.cover_url, a.cover_key, a.spotify_id, a.apple_id, a.discogs_id,
  to_char(a.release_date, 'YYYY-MM-DD') AS release_date`;

/**
 * The end of the range of strings starting with `text`: its last character moved one code point
 * up (UTF-8 byte order is code point order). Unlike LIKE, a range keeps its index bounds in a
 * generic plan, where the pattern is a parameter rather than a constant.
 */
export function prefixEnd(text: string): string {
  const points = [...text];
  while (points.length) {
    const last = points.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) return points.join('') + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
  }
  return `${text}\u{10ffff}`;
}

/**
 * "`column` starts with the query" as a range of a text_pattern_ops btree: exactly the strings
 * that start with it (see prefixEnd). With no further condition, even a plan that cannot see
 * the bounds walks that index in order and stops at the LIMIT, rather than sorting every match.
 */
export function startsWithQuery(column: string): string {
  return `${column} ~>=~ :text AND ${column} ~<~ :prefixEnd`;
}

/** LIKE pattern: the longest run of letters and digits of the text (so no wildcard), anywhere. */
export function containsPattern(text: string): string {
  const longest = (text.match(/[\p{L}\p{N}]+/gu) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
  return `%${longest}%`;
}

/** Extra conditions on an album aliased `a`: genre (in genres or styles, any case) and year. */
export function albumMatchesFilters(filters: SearchFilters): { sql: string; bindings: Record<string, string | number> } {
  const parts: string[] = [];
  const bindings: Record<string, string | number> = {};
  if (filters.genre !== undefined) {
    parts.push(`AND EXISTS (SELECT 1 FROM unnest(a.genres || a.styles) g WHERE lower(g) = lower(:genre))`);
    bindings.genre = filters.genre;
  }
  if (filters.year !== undefined) {
    parts.push('AND a.release_year = :year');
    bindings.year = filters.year;
  }
  return { sql: parts.join(' '), bindings };
}

/**
 * Relevance of a normalised text column to the query: trigram word similarity (0..1), plus 1
 * when the text starts with the query as whole words, or 0.5 when it merely starts with it,
 * minus a hair per character so that, other things equal, "Love" beats "Love Songs Vol. 2".
 */
export function relevance(column: string): string {
  return `(word_similarity(:text, ${column})
    + CASE WHEN ${column} = :text OR starts_with(${column}, :text || ' ') THEN 1 WHEN starts_with(${column}, :text) THEN 0.5 ELSE 0 END
    - 0.0005 * length(${column}))`;
}

/** Popularity as a small boost: 1,000 ratings add 0.35, far less than a better match. */
export function popularity(count: string): string {
  return `0.05 * ln(1 + coalesce(${count}, 0))`;
}

export interface PoolParts {
  /** Rows whose text starts with the query (a btree range scan in alphabetical order), capped. */
  starts: string;
  /** Full-text matches among the most popular rows. */
  popular: string | null;
  /** Full-text prefix matches anywhere in the text (every query word starts a word), capped. */
  matches: string | null;
  /** Full-text matches of the query with its words corrected from the lexicon, for typos. */
  fuzzy: string | null;
  /**
   * Selects the output row, its `score` and its id as `pool_id` for the rows `WHERE <id> IN pool`
   * (see poolRows).
   */
  select: string;
}

/**
 * One statement that widens the net only while it holds fewer than `:limit` candidates: rows
 * starting with the query and popular matches first (cheap, and they outrank the rest), then
 * full-text matches anywhere, then typo matches; then the pool ranked by score, as a JSON array.
 * Each wider step sits behind a one-time filter, so its index scan does not even start when it
 * is not needed (nor, for the typo step, the lexicon lookup that corrects the query).
 */
export function rankedPool(parts: PoolParts): string {
  const first = [parts.starts, parts.popular]
    .filter((p): p is string => p !== null)
    .map((p) => `(${p})`)
    .join(' UNION ');
  const widen = (from: string, step: string | null) => (step ? `UNION SELECT w.id FROM (${step}) w WHERE (SELECT count(*) FROM ${from}) < :limit` : '');
  return `(WITH first AS (${first}),
    second AS (SELECT id FROM first ${widen('first', parts.matches)}),
    pool AS (SELECT id FROM second ${widen('second', parts.fuzzy)})
    SELECT coalesce(json_agg(hit ORDER BY hit.score DESC, hit.pool_id), '[]')
      FROM (${parts.select} ORDER BY score DESC, pool_id LIMIT :limit) hit)`;
}

/**
 * Picks the pool's rows by primary key. An array of ids keeps this an index probe per id in a
 * generic plan, which cannot tell how large the pool is and would otherwise hash a whole table.
 */
export function poolRows(id: string): string {
  return `${id} = ANY (ARRAY(SELECT id FROM pool))`;
}

/**
 * Turns `:name` placeholders into `$n` parameters (one per name) for a prepared statement;
 * `::type` casts are left alone. Each parameter is read through a sub-select: its value then
 * reaches the plan only at run time, so a custom plan cannot look cheaper than the generic one
 * (a value-specific plan once chose to scan all tracks), and Postgres keeps the generic plan
 * after its first five executions instead of planning every search anew.
 */
export function toPositional(sql: string, bindings: Record<string, string | number>): { text: string; values: (string | number)[] } {
  const names: string[] = [];
  const text = sql.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = bindings[name];
    if (value === undefined) throw new Error(`search SQL has no binding for :${name}`);
    const at = names.indexOf(name);
    return `(SELECT $${at >= 0 ? at + 1 : names.push(name)}::${typeof value === 'number' ? 'int' : 'text'})`;
  });
  return { text, values: names.map((name) => bindings[name]!) };
}
