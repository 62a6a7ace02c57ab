import type { Knex } from 'knex';
import type { AlbumRow, StatsRow } from '../catalog/catalog.repo';
import { ALBUM_FIELDS, albumMatchesFilters, popularity, POOL, POPULAR_POOL, rankedPool, relevance, STARTS_POOL, startsWithPattern, containsPattern, type PreparedQuery, type SearchFilters } from './search-sql';

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

// The prefix query is built from the same parser that built the indexed tsvectors, so every
// query word lines up with a lexeme; backslashes and quotes are escaped for tsquery syntax.
const PREPARE_SQL = String.raw`
  SELECT n.text,
         coalesce((SELECT string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*', ' & ')
                     FROM unnest(to_tsvector('simple', n.text))), '') AS tsquery,
         coalesce(array_length(show_trgm(n.text), 1), 0) AS trigrams
    FROM (SELECT muse_norm(?::text) AS text) n`;

/**
 * Search reads over albums, artists, tracks and users. Each finds candidates through indexes
 * (alphabetical prefix, popularity, full-text prefix match, trigram similarity for typos), caps
 * them, and ranks only that pool, so a vague query costs about what a precise one does.
 */
export class SearchRepo {
  constructor(private readonly knex: Knex) {}

  /** Normalises the text the way the indexed columns were (muse_norm) and derives its patterns. */
  async prepare(raw: string): Promise<PreparedQuery> {
    const { rows } = await this.knex.raw<{ rows: { text: string; tsquery: string; trigrams: number }[] }>(PREPARE_SQL, [raw]);
    const { text, tsquery, trigrams } = rows[0]!;
    return { text, tsquery, startsWith: startsWithPattern(text), contains: containsPattern(text), trigrams: Number(trigrams) };
  }

  /**
   * Runs `work` in a read-only transaction whose trigram threshold suits the query. The settings
   * are LOCAL, so they never leak to the next user of the pooled connection.
   */
  async withQuery<T>(query: PreparedQuery, work: (scope: SearchScope) => Promise<T>): Promise<T> {
    return this.knex.transaction(
      async (trx) => {
        // Every candidate source has an index; a sequential scan would compute a tsvector or a
        // trigram similarity for each of 500k tracks, so the planner is told not to consider one.
        await trx.raw(`SELECT set_config('pg_trgm.word_similarity_threshold', ?, true), set_config('enable_seqscan', 'off', true)`, [
          String(fuzzyThreshold(query.trigrams)),
        ]);
        return work(new SearchScope(trx, query));
      },
      { readOnly: true },
    );
  }
}

/**
 * The lowest word similarity a fuzzy match needs. One swap of neighbouring letters breaks up to
 * four of the query's trigrams ("bjrok" keeps 2 of "bjork"'s 6: 0.33), so (n - 4) / n admits one
 * transposition; it never goes below 0.3 (noise) nor above 0.6 (pg_trgm's default).
 */
export function fuzzyThreshold(trigrams: number): number {
  if (trigrams <= 0) return 0.6;
  const admitsOneSwap = (trigrams - 4) / trigrams - 0.005;
  return Math.round(Math.min(0.6, Math.max(0.3, admitsOneSwap)) * 1000) / 1000;
}

/** Queries bound to one prepared search text inside the search transaction. */
export class SearchScope {
  constructor(
    private readonly trx: Knex.Transaction,
    readonly query: PreparedQuery,
  ) {}

  /** Fuzzy matching is for typos in real words; below 5 trigrams (3 letters) it only adds noise. */
  private get fuzzy(): boolean {
    return this.query.trigrams >= 5;
  }

  private bindings(limit: number, extra: Record<string, string | number> = {}) {
    const { text, tsquery, startsWith, contains } = this.query;
    return { text, tsquery, startsWith, contains, limit, ...extra };
  }

  async albums(filters: SearchFilters, limit: number): Promise<AlbumHitRow[]> {
    const words = Boolean(this.query.tsquery);
    const filter = albumMatchesFilters(filters);
    const sql = rankedPool({
      matches: words ? `SELECT a.id FROM albums a WHERE a.search_vector @@ CAST(:tsquery AS tsquery) ${filter.sql} LIMIT ${POOL}` : null,
      starts: `SELECT a.id FROM albums a WHERE a.search_text LIKE :startsWith ${filter.sql} ORDER BY a.search_text USING ~<~ LIMIT ${STARTS_POOL}`,
      // OFFSET 0 keeps this a per-row probe of the top albums: joined by hash instead, the
      // planner would first collect every match of a vague query.
      popular: words
        ? `SELECT x.id FROM (SELECT album_id FROM album_rating_stats ORDER BY count DESC LIMIT ${POPULAR_POOL}) p
             CROSS JOIN LATERAL (SELECT a.id FROM albums a WHERE a.id = p.album_id AND a.search_vector @@ CAST(:tsquery AS tsquery) ${filter.sql} OFFSET 0) x`
        : null,
      fuzzy: this.fuzzy ? `SELECT a.id FROM albums a WHERE :text <% a.search_text ${filter.sql} LIMIT ${POOL}` : null,
      select: `SELECT ${ALBUM_FIELDS}, s.count, s.sum, s.histogram, ${relevance('a.search_text')} + ${popularity('s.count')} AS score
               FROM pool JOIN albums a ON a.id = pool.id LEFT JOIN album_rating_stats s ON s.album_id = a.id`,
    });
    const { rows } = await this.trx.raw(sql, this.bindings(limit, filter.bindings));
    return rows.map(({ count, sum, histogram, score: _score, ...album }: AlbumRow & { count: number | null; sum: string | null; histogram: number[] | null; score: number }) => ({
      ...album,
      stats: count === null ? null : { count, sum: sum ?? 0, histogram: histogram ?? [] },
    }));
  }

  async artists(filters: SearchFilters, limit: number): Promise<ArtistHitRow[]> {
    const words = Boolean(this.query.tsquery);
    const filter = albumMatchesFilters(filters);
    // With a genre or year, an artist qualifies through an album of theirs that has it.
    const credited = filter.sql
      ? `AND EXISTS (SELECT 1 FROM album_artists aa JOIN albums a ON a.id = aa.album_id WHERE aa.artist_id = ar.id ${filter.sql})`
      : '';
    const sql = rankedPool({
      matches: words ? `SELECT ar.id FROM artists ar WHERE to_tsvector('simple', ar.search_name) @@ CAST(:tsquery AS tsquery) ${credited} LIMIT ${POOL}` : null,
      starts: `SELECT ar.id FROM artists ar WHERE ar.search_name LIKE :startsWith ${credited} ORDER BY ar.search_name USING ~<~ LIMIT ${STARTS_POOL}`,
      popular: null,
      fuzzy: this.fuzzy ? `SELECT ar.id FROM artists ar WHERE :text <% ar.search_name ${credited} LIMIT ${POOL}` : null,
      select: `SELECT ar.id, ar.name, c.album_count, ${relevance('ar.search_name')} + ${popularity('c.album_count')} AS score
               FROM pool JOIN artists ar ON ar.id = pool.id
               CROSS JOIN LATERAL (SELECT count(DISTINCT aa.album_id)::int AS album_count FROM album_artists aa WHERE aa.artist_id = ar.id) c`,
    });
    const { rows } = await this.trx.raw(sql, this.bindings(limit, filter.bindings));
    return rows.map((r: ArtistHitRow) => ({ id: String(r.id), name: r.name, album_count: Number(r.album_count) }));
  }

  async tracks(filters: SearchFilters, limit: number): Promise<TrackHitRow[]> {
    const words = Boolean(this.query.tsquery);
    const filter = albumMatchesFilters(filters);
    const onAlbum = filter.sql ? `AND EXISTS (SELECT 1 FROM albums a WHERE a.id = t.album_id ${filter.sql})` : '';
    const fts = `to_tsvector('simple', t.search_text) @@ CAST(:tsquery AS tsquery)`;
    const sql = rankedPool({
      matches: words ? `SELECT t.id FROM tracks t WHERE ${fts} ${onAlbum} LIMIT ${POOL}` : null,
      starts: `SELECT t.id FROM tracks t WHERE t.search_text LIKE :startsWith ${onAlbum} ORDER BY t.search_text USING ~<~ LIMIT ${STARTS_POOL}`,
      popular: words
        ? `SELECT x.id FROM (SELECT track_id FROM track_rating_stats ORDER BY count DESC LIMIT ${POPULAR_POOL}) p
             CROSS JOIN LATERAL (SELECT t.id FROM tracks t WHERE t.id = p.track_id AND t.search_text LIKE :contains AND ${fts} ${onAlbum} OFFSET 0) x`
        : null,
      fuzzy: this.fuzzy ? `SELECT t.id FROM tracks t WHERE :text <% t.search_text ${onAlbum} LIMIT ${POOL}` : null,
      select: `SELECT t.id AS track_id, t.title AS track_title, t.artist_credit AS track_artist_credit, t.duration_ms, ${ALBUM_FIELDS},
                 ${relevance('t.search_text')} + ${popularity('s.count')} AS score
               FROM pool JOIN tracks t ON t.id = pool.id JOIN albums a ON a.id = t.album_id
               LEFT JOIN track_rating_stats s ON s.track_id = t.id`,
    });
    const { rows } = await this.trx.raw(sql, this.bindings(limit, filter.bindings));
    return rows.map(({ track_id, track_title, track_artist_credit, duration_ms, score: _score, ...album }: AlbumRow & { track_id: string; track_title: string; track_artist_credit: string; duration_ms: number | null; score: number }) => ({
      id: String(track_id),
      title: track_title,
      artist_credit: track_artist_credit,
      duration_ms,
      album,
    }));
  }

  async users(limit: number): Promise<UserHitRow[]> {
    const words = Boolean(this.query.tsquery);
    // The same expression as the users_search_* indexes, so the planner can use them.
    const doc = `muse_norm(u.handle || ' ' || u.display_name)`;
    const sql = rankedPool({
      matches: words ? `SELECT u.id FROM users u WHERE to_tsvector('simple', ${doc}) @@ CAST(:tsquery AS tsquery) LIMIT ${POOL}` : null,
      starts: `SELECT u.id FROM users u WHERE lower(u.handle) LIKE :startsWith ORDER BY lower(u.handle) USING ~<~ LIMIT ${STARTS_POOL}`,
      popular: null,
      fuzzy: this.fuzzy ? `SELECT u.id FROM users u WHERE :text <% ${doc} LIMIT ${POOL}` : null,
      // The handle is the user's unique name: typing it exactly puts them first.
      select: `SELECT u.id, u.handle, u.display_name, ${relevance(doc)} + CASE WHEN lower(u.handle) = :text THEN 1 ELSE 0 END AS score
               FROM pool JOIN users u ON u.id = pool.id`,
    });
    const { rows } = await this.trx.raw(sql, this.bindings(limit));
    return rows.map((r: UserHitRow) => ({ id: String(r.id), handle: r.handle, display_name: r.display_name }));
  }
}
