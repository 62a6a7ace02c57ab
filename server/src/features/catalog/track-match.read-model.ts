import type { Knex } from 'knex';
import { AlbumMatcher } from '../../lib/album-matcher';
import type { CandidateRow } from '../imports/imports.repo';
import {
  albumByIdentifier,
  albumFound,
  albumQueries,
  albumQueryTexts,
  trackByIdentifier,
  trackByText,
  trackSearch,
  wantedOf,
  type AlbumMatch,
  type AlbumRow,
  type CatalogMatchQuery,
  type TrackMatch,
  type TrackRow,
} from './track-match.read-model.rules';

export type { AlbumMatch, CatalogFacts, CatalogMatchQuery, MatchMethod, TrackMatch } from './track-match.read-model.rules';

/** Entries matched per round of queries: two queries a batch, whatever its size. */
const BATCH = 200;
const CANDIDATES = 25;

const TRACK_COLUMNS = `t.id::text, t.album_id::text, t.title, t.artist_credit, t.duration_ms, t.isrc, t.spotify_id, t.apple_id, a.title AS album_title, a.cover_url, a.release_year,
  ARRAY(SELECT ta.credited_name FROM track_artists ta WHERE ta.track_id = t.id
        UNION ALL SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = t.album_id) AS names`;

const TRACKS_BY_ID_SQL = `
  SELECT ${TRACK_COLUMNS} FROM tracks t JOIN albums a ON a.id = t.album_id
   WHERE t.id = ANY(?::bigint[]) OR t.isrc = ANY(?::text[]) OR t.spotify_id = ANY(?::text[]) OR t.apple_id = ANY(?::text[])`;

// Candidates for each entry from the full-text index (see `trackSearch`): the tracks with every
// word of the title, or when there are none, those with any of them; best first by word
// similarity to "title artist".
const TRACKS_BY_TEXT_SQL = `
  SELECT q.n::int AS n, ${TRACK_COLUMNS}
    FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS q(strict, loose, text, n)
    CROSS JOIN LATERAL (
      (SELECT * FROM tracks t WHERE to_tsvector('simple', t.search_text) @@ q.strict::tsquery
        ORDER BY word_similarity(muse_norm(q.text), t.search_text) DESC, t.id LIMIT ${CANDIDATES})
      UNION ALL
      (SELECT * FROM tracks t WHERE to_tsvector('simple', t.search_text) @@ q.loose::tsquery
          AND NOT EXISTS (SELECT 1 FROM tracks s WHERE to_tsvector('simple', s.search_text) @@ q.strict::tsquery)
        ORDER BY word_similarity(muse_norm(q.text), t.search_text) DESC, t.id LIMIT ${CANDIDATES})) t
    JOIN albums a ON a.id = t.album_id`;

const ALBUMS_BY_ID_SQL = `
  SELECT a.id::text, a.title, a.artist_credit, a.upc, a.spotify_id, a.apple_id, a.cover_url, a.release_year,
         ARRAY(SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = a.id ORDER BY aa.position) AS names
    FROM albums a
   WHERE a.id = ANY(?::bigint[]) OR a.upc = ANY(?::text[]) OR a.spotify_id = ANY(?::text[]) OR a.apple_id = ANY(?::text[])`;

// The same candidates the import's album matcher reads one query at a time (ImportsRepo.findCandidates), for many at once.
const ALBUMS_BY_TEXT_SQL = `
  SELECT q.text AS query, a.id::text, a.title, a.artist_credit, a.release_year, COALESCE(s.count, 0)::int AS rating_count,
         a.upc, a.spotify_id, a.apple_id, a.cover_url,
         ARRAY(SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = a.id ORDER BY aa.position) AS credited_names
    FROM unnest(?::text[]) AS q(text)
    CROSS JOIN LATERAL (SELECT * FROM albums a WHERE muse_norm(q.text) <% a.search_text
                         ORDER BY word_similarity(muse_norm(q.text), a.search_text) DESC, a.id LIMIT ${CANDIDATES}) a
    LEFT JOIN album_rating_stats s ON s.album_id = a.id`;

// Per asked text: the albums whose title and credit start with the entry's "title artist" as
// Postgres normalises it (a range of the text_pattern_ops index, as search's startsWithQuery), so
// the credit "A & B" is found by "A". About a tenth of a millisecond an album, where the
// similarity read above can take tens against a large catalog; an album spelled another way is
// not found.
const ALBUMS_BY_TITLE_PREFIX_SQL = `
  SELECT q.text AS query, a.id::text, a.title, a.artist_credit, a.release_year, COALESCE(s.count, 0)::int AS rating_count,
         a.upc, a.spotify_id, a.apple_id, a.cover_url,
         ARRAY(SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = a.id ORDER BY aa.position) AS credited_names
    FROM unnest(?::text[], ?::text[]) AS q(text, prefix)
    CROSS JOIN LATERAL (SELECT * FROM albums a
                         WHERE a.search_text ~>=~ muse_norm(q.prefix) AND a.search_text ~<~ (muse_norm(q.prefix) || chr(1114111))
                         ORDER BY a.search_text, a.id LIMIT ${CANDIDATES}) a
    LEFT JOIN album_rating_stats s ON s.album_id = a.id`;

/** Where an album batch reads its text candidates: by similarity (spellings differ, costly), or by title prefix (as written, cheap). */
type AlbumCandidates = 'similar' | 'title-prefix';

const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/**
 * Finds the catalog tracks and albums that file and service entries name, a batch of entries at
 * a time (two queries a batch, never one a row). Missed rather than wrong: an identifier must
 * agree with the entry's title or artist and version, text must agree on normalised title,
 * artist, version and (when both are known) duration within 5 s, and an entry that several
 * catalog items fit equally is left unmatched with the reason.
 */
export class TrackMatchReadModel {
  constructor(private readonly knex: Knex) {}

  /**
   * Tracks, in the order asked: by the catalog id a Muse export names, a Spotify or Apple Music
   * id, the ISRC, then normalised artist + title (+ duration).
   */
  async matchTracks(queries: CatalogMatchQuery[]): Promise<TrackMatch[]> {
    const results: TrackMatch[] = [];
    for (const batch of chunks(queries)) results.push(...(await this.trackBatch(batch)));
    return results;
  }

  /** Albums (for lists), in the order asked: by catalog id, service id or UPC, then artist + album title. */
  async matchAlbums(queries: CatalogMatchQuery[]): Promise<AlbumMatch[]> {
    const results: AlbumMatch[] = [];
    for (const batch of chunks(queries)) results.push(...(await this.albumBatch(batch, 'similar')));
    return results;
  }

  /**
   * Albums as `matchAlbums` finds them and by the same rules, except that text candidates are
   * only the albums whose title and credit start with the entry's album title and artist as
   * written: cheap enough for every page of a large service import (the albums of tracks the
   * catalog lacks), at the price of missing an album spelled another way there.
   */
  async matchAlbumsByTitle(queries: CatalogMatchQuery[]): Promise<AlbumMatch[]> {
    const results: AlbumMatch[] = [];
    for (const batch of chunks(queries)) results.push(...(await this.albumBatch(batch, 'title-prefix')));
    return results;
  }

  private async trackBatch(batch: CatalogMatchQuery[]): Promise<TrackMatch[]> {
    const wanted = batch.map((q) => wantedOf(q.snapshot));
    const byId = await this.rows<TrackRow>(TRACKS_BY_ID_SQL, [
      batch.flatMap((q) => q.trackId ?? []),
      batch.flatMap((q) => q.snapshot.isrc ?? []),
      batch.flatMap((q) => q.serviceIds.spotify ?? []),
      batch.flatMap((q) => q.serviceIds.apple ?? []),
    ]);
    const results: (TrackMatch | null)[] = batch.map((q, i) => trackByIdentifier(q, wanted[i]!, byId));
    const texts = batch.map((q, i) => (results[i] ? null : trackSearch(q.snapshot)));
    const asked = texts.flatMap((search, i) => (search ? [{ ...search, i }] : []));
    const byText = await this.rows<TrackRow & { n: number }>(TRACKS_BY_TEXT_SQL, [
      asked.map((a) => a.strict),
      asked.map((a) => a.loose),
      asked.map((a) => a.text),
    ]);
    const candidates = new Map<number, TrackRow[]>(asked.map((a) => [a.i, []]));
    for (const row of byText) candidates.get(asked[row.n - 1]!.i)!.push(row);
    return batch.map((q, i) => {
      if (results[i]) return results[i]!;
      if (!texts[i]) {
        const why = q.snapshot.artists.length ? 'has no letters or digits to match on' : 'names no artist to match on';
        return { trackId: null, reason: `${wanted[i]!.quoted} ${why}.` };
      }
      return trackByText(q, wanted[i]!, candidates.get(i)!);
    });
  }

  private async albumBatch(batch: CatalogMatchQuery[], from: AlbumCandidates): Promise<AlbumMatch[]> {
    const wanted = batch.map((q) => wantedOf(q.snapshot));
    const byId = await this.rows<AlbumRow>(ALBUMS_BY_ID_SQL, [
      batch.flatMap((q) => q.albumId ?? []),
      batch.flatMap((q) => q.snapshot.upc ?? []),
      batch.flatMap((q) => q.serviceIds.spotify ?? []),
      batch.flatMap((q) => q.serviceIds.apple ?? []),
    ]);
    const results = batch.map((q, i) => albumByIdentifier(q, wanted[i]!, byId));
    // The import's album matcher decides; its candidate reads are answered from one query for the batch.
    const unresolved = batch.filter((_, i) => !results[i]);
    const candidates = new Map<string, CandidateRow[]>();
    const seen = new Map<string, CandidateRow & Omit<AlbumRow, 'names'>>();
    const read = async (sql: string, texts: string[], bindings: string[][]) => {
      for (const text of texts) if (!candidates.has(text)) candidates.set(text, []);
      for (const { query, ...row } of await this.rows<CandidateRow & Omit<AlbumRow, 'names'> & { query: string }>(sql, bindings)) {
        const list = candidates.get(query)!;
        if (!list.some((r) => r.id === row.id)) list.push(row);
        seen.set(row.id, row);
      }
    };
    const readSimilar = (texts: string[]) => read(ALBUMS_BY_TEXT_SQL, texts, [texts]);
    if (from === 'similar') await readSimilar([...new Set(unresolved.flatMap((q) => albumQueryTexts(q.snapshot)))]);
    else {
      const asked = [...new Map(unresolved.flatMap((q) => albumQueries(q.snapshot)).map((a) => [JSON.stringify(a), a])).values()];
      await read(
        ALBUMS_BY_TITLE_PREFIX_SQL,
        asked.map((a) => a.text),
        [asked.map((a) => a.text), asked.map((a) => a.prefix)],
      );
    }
    const matcher = new AlbumMatcher({
      // A query the batch did not foresee (the matcher asked differently) is read on its own by similarity; by title prefix it finds none.
      findCandidates: async (query: string, limit: number) => {
        if (!candidates.has(query) && from === 'similar') await readSimilar([query]);
        return (candidates.get(query) ?? []).slice(0, limit);
      },
    });
    return Promise.all(
      batch.map(async (q, i): Promise<AlbumMatch> => {
        if (results[i]) return results[i]!;
        const [artist, ...others] = q.snapshot.artists;
        if (!artist) return { albumId: null, reason: `${wanted[i]!.quoted} names no artist to match on.` };
        const title = q.snapshot.title;
        const match = await matcher.match({
          artist,
          altArtist: others.length ? q.snapshot.artists.join(' & ') : null,
          title,
          year: q.snapshot.releaseYear ?? null,
        });
        return match.albumId === null ? { albumId: null, reason: match.reason } : albumFound(seen.get(match.albumId)!, 'text');
      }),
    );
  }

  /** Rows of a query whose bindings are arrays; none when every array is empty (nothing to ask). */
  private async rows<R>(sql: string, bindings: unknown[][]): Promise<R[]> {
    if (bindings.every((b) => b.length === 0)) return [];
    const { rows } = await this.knex.raw<{ rows: R[] }>(sql, bindings as Knex.RawBinding[]);
    return rows;
  }
}
