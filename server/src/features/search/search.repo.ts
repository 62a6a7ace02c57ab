import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { preparedQuery } from '../../db/prepared';
import type { AlbumRow, StatsRow } from '../catalog/catalog.read-model';
import {
  ALBUM_FIELDS,
  albumMatchesFilters,
  containsPattern,
  popularity,
  POOL,
  POPULAR_POOL,
  prefixEnd,
  rankedPool,
  relevance,
  STARTS_POOL,
  poolRows,
  startsWithQuery,
  toPositional,
  type PreparedQuery,
  type SearchFilters,
} from './search-sql';

export type { PreparedQuery, SearchFilters };

export interface AlbumHitRow extends AlbumRow {
  stats: StatsRow | null;
}

export interface ArtistHitRow {
  id: string;
  name: string;
  album_count: number;
}

export interface TrackHitRow {
  id: string;
  title: string;
  artist_credit: string;
  duration_ms: number | null;
  album: AlbumRow;
}

export interface UserHitRow {
  id: string;
  handle: string;
  display_name: string;
}

/** Which groups a search fills; the others come back empty without touching their tables. */
export interface SearchGroups {
  albums: boolean;
  artists: boolean;
  tracks: boolean;
  users: boolean;
}

export interface SearchHitRows {
  albums: AlbumHitRow[];
  artists: ArtistHitRow[];
  tracks: TrackHitRow[];
  users: UserHitRow[];
}

/** What decides a statement's text; every other input is a parameter. */
interface Shape {
  /** The text has words, so full-text matching applies. */
  words: boolean;
  /** The text is long enough for the typo pass. */
  fuzzy: boolean;
  /** Genre and year conditions on an album aliased `a` ('' without filters). */
  filter: string;
}

// The prefix query is built from the same parser that built the indexed tsvectors, so every
// query word lines up with a lexeme; backslashes and quotes are escaped for tsquery syntax.
// A hyphenated word is left to its parts (which the parser also emits), so "nord-lys" finds
// "Nord Lys" as well as "Nord-Lys".
const PREPARE_SQL = String.raw`
  SELECT n.text,
         coalesce((SELECT string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*', ' & ')
                     FROM unnest(to_tsvector('simple', n.text)) WHERE lexeme !~ '.-.'), '') AS tsquery,
         coalesce(array_length(show_trgm(n.text), 1), 0) AS trigrams
    FROM (SELECT muse_norm($1::text) AS text) n`;

/**
 * Search reads over albums, artists, tracks and users. Each finds candidates through indexes
 * (alphabetical prefix, popularity, full-text prefix match, full-text match of the query with
 * its misspelt words corrected from the search_word_variants lexicon), caps them, and ranks
 * only that pool, so a vague query costs about what a precise one does.
 *
 * Both reads are named prepared statements: Postgres plans each shape once per connection, where
 * planning these statements used to cost more than running them. So every candidate source is
 * written for a plan that cannot see the parameters: prefix ranges rather than LIKE patterns.
 */
export class SearchRepo {
  constructor(private readonly knex: Knex) {}

  /** Normalises the text the way the indexed columns were (muse_norm) and derives its patterns. */
  async prepare(raw: string): Promise<PreparedQuery> {
    const [row] = await preparedQuery<{ text: string; tsquery: string; trigrams: number }>(this.knex, 'search_prepare', PREPARE_SQL, [raw]);
    const { text, tsquery } = row!;
    const trigrams = Number(row!.trigrams);
    return {
      text,
      tsquery,
      prefixEnd: prefixEnd(text),
      contains: containsPattern(text),
      trigrams,
    };
  }

  /**
   * Every requested group in one statement (one round trip, no transaction), each best first
   * and at most `limit` long.
   */
  async find(query: PreparedQuery, groups: SearchGroups, filters: SearchFilters, limit: number): Promise<SearchHitRows> {
    const filter = albumMatchesFilters(filters);
    // Fuzzy matching is for typos in real words; below 5 trigrams (3 letters) it only adds noise.
    const shape: Shape = { words: Boolean(query.tsquery), fuzzy: query.trigrams >= 5, filter: filter.sql };
    const group = (wanted: boolean, sql: () => string) => (wanted ? sql() : `'[]'::json`);
    // Read lazily: only a typo step that runs (too few candidates without it) computes it.
    const typo = shape.fuzzy ? `WITH typo AS MATERIALIZED (SELECT muse_typo_tsquery(:text) AS q) ` : '';
    const sql = `${typo}SELECT ${group(groups.albums, () => albumsSql(shape))} AS albums,
      ${group(groups.artists, () => artistsSql(shape))} AS artists,
      ${group(groups.tracks, () => tracksSql(shape))} AS tracks,
      ${group(groups.users, () => usersSql(shape))} AS users`;
    const { text: statement, values } = toPositional(sql, { ...query, limit, ...filter.bindings });
    // The name follows from the text, so a name never carries two texts.
    const name = `search_${createHash('sha1').update(statement).digest('hex').slice(0, 24)}`;
    const [row] = await preparedQuery<{ albums: AlbumJson[]; artists: ArtistJson[]; tracks: TrackJson[]; users: UserJson[] }>(
      this.knex,
      name,
      statement,
      values,
    );
    const { albums, artists, tracks, users } = row!;
    return {
      albums: albums.map(
        ({ count, sum, histogram, weight_sum, weighted_sum, held_at, stable_weight_sum, stable_weighted_sum, score: _score, pool_id: _poolId, ...album }) => ({
          ...album,
          id: String(album.id),
          stats:
            count === null
              ? null
              : { count, sum: sum ?? 0, histogram: histogram ?? [], weight_sum, weighted_sum, held_at, stable_weight_sum, stable_weighted_sum },
        }),
      ),
      artists: artists.map((r) => ({ id: String(r.id), name: r.name, album_count: Number(r.album_count) })),
      tracks: tracks.map(({ track_id, track_title, track_artist_credit, duration_ms, score: _score, pool_id: _poolId, ...album }) => ({
        id: String(track_id),
        title: track_title,
        artist_credit: track_artist_credit,
        duration_ms,
        album: { ...album, id: String(album.id) },
      })),
      users: users.map((r) => ({ id: String(r.id), handle: r.handle, display_name: r.display_name })),
    };
  }
}

/** Ranking leftovers that each JSON hit carries (ids arrive as JSON numbers). */
interface Ranked {
  score: number;
  pool_id: number;
}
type AlbumJson = AlbumRow &
  Ranked & { count: number | null; sum: number | null; histogram: number[] | null } & Pick<
    StatsRow,
    'weight_sum' | 'weighted_sum' | 'held_at' | 'stable_weight_sum' | 'stable_weighted_sum'
  >;
type ArtistJson = ArtistHitRow & Ranked;
type TrackJson = AlbumRow & Ranked & { track_id: string; track_title: string; track_artist_credit: string; duration_ms: number | null };
type UserJson = UserHitRow & Ranked;

/** The typed words, each a prefix. */
const QUERY_TSQUERY = 'CAST(:tsquery AS tsquery)';
/** The typed words or their nearest lexicon words (muse_typo_tsquery), computed once per search. */
const TYPO_TSQUERY = '(SELECT q FROM typo)';

function albumsSql({ words, fuzzy, filter }: Shape): string {
  return rankedPool({
    matches: words ? `SELECT a.id FROM albums a WHERE a.search_vector @@ ${QUERY_TSQUERY} ${filter} LIMIT ${POOL}` : null,
    starts: `SELECT a.id FROM albums a WHERE ${startsWithQuery('a.search_text')} ${filter} ORDER BY a.search_text USING ~<~ LIMIT ${STARTS_POOL}`,
    // OFFSET 0 keeps this a per-row probe of the top albums: joined by hash instead, the
    // planner would first collect every match of a vague query.
    popular: words
      ? `SELECT x.id FROM (SELECT album_id FROM album_rating_stats ORDER BY count DESC LIMIT ${POPULAR_POOL}) p
           CROSS JOIN LATERAL (SELECT a.id FROM albums a WHERE a.id = p.album_id AND a.search_vector @@ ${QUERY_TSQUERY} ${filter} OFFSET 0) x`
      : null,
    fuzzy: fuzzy ? `SELECT a.id FROM albums a WHERE a.search_vector @@ ${TYPO_TSQUERY} ${filter} LIMIT ${POOL}` : null,
    select: `SELECT ${ALBUM_FIELDS}, s.count, s.sum, s.histogram, s.weight_sum, s.weighted_sum, s.held_at, s.stable_weight_sum, s.stable_weighted_sum,
                    ${relevance('a.search_text')} + ${popularity('s.count')} AS score, a.id AS pool_id
             FROM albums a LEFT JOIN album_rating_stats s ON s.album_id = a.id
             WHERE ${poolRows('a.id')}`,
  });
}

function artistsSql({ words, fuzzy, filter }: Shape): string {
  // With a genre or year, an artist qualifies through an album of theirs that has it.
  const credited = filter ? `AND EXISTS (SELECT 1 FROM album_artists aa JOIN albums a ON a.id = aa.album_id WHERE aa.artist_id = ar.id ${filter})` : '';
  return rankedPool({
    matches: words ? `SELECT ar.id FROM artists ar WHERE to_tsvector('simple', ar.search_name) @@ ${QUERY_TSQUERY} ${credited} LIMIT ${POOL}` : null,
    starts: `SELECT ar.id FROM artists ar WHERE ${startsWithQuery('ar.search_name')} ${credited} ORDER BY ar.search_name USING ~<~ LIMIT ${STARTS_POOL}`,
    popular: null,
    fuzzy: fuzzy ? `SELECT ar.id FROM artists ar WHERE to_tsvector('simple', ar.search_name) @@ ${TYPO_TSQUERY} ${credited} LIMIT ${POOL}` : null,
    select: `SELECT ar.id, ar.name, c.album_count, ${relevance('ar.search_name')} + ${popularity('c.album_count')} AS score, ar.id AS pool_id
             FROM artists ar
             CROSS JOIN LATERAL (SELECT count(DISTINCT aa.album_id)::int AS album_count FROM album_artists aa WHERE aa.artist_id = ar.id) c
             WHERE ${poolRows('ar.id')}`,
  });
}

function tracksSql({ words, fuzzy, filter }: Shape): string {
  const onAlbum = filter ? `AND EXISTS (SELECT 1 FROM albums a WHERE a.id = t.album_id ${filter})` : '';
  const fts = (tsquery: string) => `to_tsvector('simple', t.search_text) @@ ${tsquery}`;
  return rankedPool({
    matches: words ? `SELECT t.id FROM tracks t WHERE ${fts(QUERY_TSQUERY)} ${onAlbum} LIMIT ${POOL}` : null,
    starts: `SELECT t.id FROM tracks t WHERE ${startsWithQuery('t.search_text')} ${onAlbum} ORDER BY t.search_text USING ~<~ LIMIT ${STARTS_POOL}`,
    popular: words
      ? `SELECT x.id FROM (SELECT track_id FROM track_rating_stats ORDER BY count DESC LIMIT ${POPULAR_POOL}) p
           CROSS JOIN LATERAL (SELECT t.id FROM tracks t WHERE t.id = p.track_id AND t.search_text LIKE :contains AND ${fts(QUERY_TSQUERY)} ${onAlbum} OFFSET 0) x`
      : null,
    fuzzy: fuzzy ? `SELECT t.id FROM tracks t WHERE ${fts(TYPO_TSQUERY)} ${onAlbum} LIMIT ${POOL}` : null,
    select: `SELECT t.id AS track_id, t.title AS track_title, t.artist_credit AS track_artist_credit, t.duration_ms, ${ALBUM_FIELDS},
               ${relevance('t.search_text')} + ${popularity('s.count')} AS score, t.id AS pool_id
             FROM tracks t JOIN albums a ON a.id = t.album_id
             LEFT JOIN track_rating_stats s ON s.track_id = t.id
             WHERE ${poolRows('t.id')}`,
  });
}

function usersSql({ words, fuzzy }: Shape): string {
  // The stored muse_norm(handle || ' ' || display_name), as the users_search_* indexes have it.
  const doc = 'u.search_text';
  return rankedPool({
    matches: words ? `SELECT u.id FROM users u WHERE to_tsvector('simple', ${doc}) @@ ${QUERY_TSQUERY} LIMIT ${POOL}` : null,
    starts: `SELECT u.id FROM users u WHERE ${startsWithQuery('lower(u.handle)')} ORDER BY lower(u.handle) USING ~<~ LIMIT ${STARTS_POOL}`,
    popular: null,
    fuzzy: fuzzy ? `SELECT u.id FROM users u WHERE to_tsvector('simple', ${doc}) @@ ${TYPO_TSQUERY} LIMIT ${POOL}` : null,
    // The handle is the user's unique name: typing it exactly puts them first.
    select: `SELECT u.id, u.handle, u.display_name, ${relevance(doc)} + CASE WHEN lower(u.handle) = :text THEN 1 ELSE 0 END AS score, u.id AS pool_id
             FROM users u
             WHERE ${poolRows('u.id')} AND u.suspended_at IS NULL`,
  });
}
