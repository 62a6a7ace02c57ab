import type { Knex } from 'knex';
import type { AlbumSummary, EntrySnapshot, ServiceIds } from '@muse/shared';
import { valueToStars } from '@muse/shared';
import { preparedQuery } from '../../db/prepared';
import type { AlbumRow } from '../catalog/catalog.read-model';
import { presentAlbumSummary } from '../../http/presenters/catalog.presenter';

const ID = /^[1-9][0-9]{0,17}$/;
const ids = (values: Iterable<string>) => [...new Set([...values].filter((v) => ID.test(v)))];

/** What an entry copies from the catalog when it is added, so it reads without a join later. */
export interface CatalogEntrySource {
  trackId: string | null;
  albumId: string;
  snapshot: EntrySnapshot;
  serviceIds: ServiceIds;
}

/** The catalog's current view of a page of entries (the same for every viewer), and the viewer's own ratings. */
export interface EntryEnrichment {
  albums: Map<string, AlbumSummary>;
  /** Album of each track. */
  trackAlbum: Map<string, string>;
  trackStats: Map<string, { count: number; mean: number | null }>;
  albumStats: Map<string, { count: number; mean: number | null }>;
  viewer: ViewerRatings;
}

/** The catalog items an entry write adds, by id, and what its answer shows of them. */
export interface EntrySources {
  tracks: Map<string, CatalogEntrySource>;
  albums: Map<string, CatalogEntrySource>;
  enrichment: EntryEnrichment;
}

/** The viewer's own ratings (stars) of the tracks and albums of a page, by id. */
export interface ViewerRatings {
  tracks: Map<string, number>;
  albums: Map<string, number>;
}

interface RatingsRow {
  my_tracks: { id: string; value: number }[] | null;
  my_albums: { id: string; value: number }[] | null;
}

const noRatings = (): ViewerRatings => ({ tracks: new Map(), albums: new Map() });
const validViewer = (viewerId: string | null) => (viewerId && ID.test(viewerId) ? viewerId : null);

function ratingsOf(row: RatingsRow | undefined): ViewerRatings {
  const out = noRatings();
  for (const r of row?.my_tracks ?? []) out.tracks.set(r.id, valueToStars(r.value));
  for (const r of row?.my_albums ?? []) out.albums.set(r.id, valueToStars(r.value));
  return out;
}

const mean = (count: number | null, sum: string | number | null) => (count ? valueToStars(Number(sum) / count) : null);
const stats = (count: number | null, sum: string | number | null) => ({ count: count ?? 0, mean: mean(count, sum) });

const noEnrichment = (): EntryEnrichment => ({ albums: new Map(), trackAlbum: new Map(), trackStats: new Map(), albumStats: new Map(), viewer: noRatings() });

type EnrichRow = {
  tracks: { id: string; album_id: string; count: number | null; sum: string | null }[] | null;
  albums: (AlbumRow & { count: number | null; sum: string | null })[] | null;
} & RatingsRow;

function enrichmentOf(row: EnrichRow | undefined): EntryEnrichment {
  const out = noEnrichment();
  for (const t of row?.tracks ?? []) {
    out.trackAlbum.set(t.id, t.album_id);
    out.trackStats.set(t.id, stats(t.count, t.sum));
  }
  for (const a of row?.albums ?? []) {
    out.albums.set(String(a.id), presentAlbumSummary(a));
    out.albumStats.set(String(a.id), stats(a.count, a.sum));
  }
  out.viewer = ratingsOf(row);
  return out;
}

// The snapshot of each catalog track (or album) whose id is in the array parameter $p.
const trackSourcesSql = (p: number) => `
  SELECT t.id::text, t.album_id::text, t.title, t.duration_ms, t.isrc, t.spotify_id, t.apple_id,
         a.title AS album_title, a.cover_url, a.release_year,
         COALESCE((SELECT array_agg(ta.credited_name ORDER BY ta.position) FROM track_artists ta WHERE ta.track_id = t.id),
                  ARRAY[t.artist_credit]) AS artists
    FROM tracks t JOIN albums a ON a.id = t.album_id
   WHERE t.id = ANY($${p}::bigint[])`;

const albumSourcesSql = (p: number) => `
  SELECT a.id::text, a.title, a.release_year, a.upc, a.spotify_id, a.apple_id, a.cover_url,
         COALESCE((SELECT array_agg(aa.credited_name ORDER BY aa.position) FROM album_artists aa WHERE aa.album_id = a.id),
                  ARRAY[a.artist_credit]) AS artists
    FROM albums a WHERE a.id = ANY($${p}::bigint[])`;

interface TrackSourceRow {
  id: string;
  album_id: string;
  title: string;
  duration_ms: number | null;
  isrc: string | null;
  spotify_id: string | null;
  apple_id: string | null;
  album_title: string;
  cover_url: string | null;
  release_year: number | null;
  artists: string[];
}

interface AlbumSourceRow {
  id: string;
  title: string;
  release_year: number | null;
  upc: string | null;
  spotify_id: string | null;
  apple_id: string | null;
  cover_url: string | null;
  artists: string[];
}

const serviceIdsOf = (r: { spotify_id: string | null; apple_id: string | null }): ServiceIds => ({
  ...(r.spotify_id ? { spotify: r.spotify_id } : {}),
  ...(r.apple_id ? { apple: r.apple_id } : {}),
});

const trackSources = (rows: TrackSourceRow[]) =>
  new Map<string, CatalogEntrySource>(
    rows.map((r) => [
      r.id,
      {
        trackId: r.id,
        albumId: r.album_id,
        snapshot: {
          title: r.title,
          artists: r.artists,
          album: r.album_title,
          durationMs: r.duration_ms,
          isrc: r.isrc,
          releaseYear: r.release_year,
          coverUrl: r.cover_url,
        },
        serviceIds: serviceIdsOf(r),
      },
    ]),
  );

const albumSources = (rows: AlbumSourceRow[]) =>
  new Map<string, CatalogEntrySource>(
    rows.map((r) => [
      r.id,
      {
        trackId: null,
        albumId: r.id,
        snapshot: { title: r.title, artists: r.artists, releaseYear: r.release_year, upc: r.upc, coverUrl: r.cover_url },
        serviceIds: serviceIdsOf(r),
      },
    ]),
  );

const VIEWER_RATINGS = `
    (SELECT json_agg(json_build_object('id', r.track_id::text, 'value', r.value)) FROM track_ratings r
      WHERE r.user_id = $3::bigint AND r.track_id = ANY($1::bigint[])) AS my_tracks,
    (SELECT json_agg(json_build_object('id', r.album_id::text, 'value', r.value)) FROM album_ratings r
      WHERE r.user_id = $3::bigint AND r.album_id = ANY($2::bigint[])) AS my_albums`;

// Everything a page of entries shows from the catalog. The albums are one id list (ARRAY of the
// tracks' albums appended to $2), read through the primary key: an "= ANY ... OR IN (...)"
// condition would scan every album and every album's stats on each call.
const ENRICH_CTES = `
  t AS (
    SELECT t.id, t.album_id, s.count, s.sum FROM tracks t LEFT JOIN track_rating_stats s ON s.track_id = t.id
     WHERE t.id = ANY($1::bigint[])
  ), al AS (
    SELECT a.id::text, a.title, a.artist_credit, a.release_year, a.type, a.cover_url, a.cover_key, a.genres, s.count, s.sum
      FROM albums a LEFT JOIN album_rating_stats s ON s.album_id = a.id
     WHERE a.id = ANY($2::bigint[] || ARRAY(SELECT DISTINCT album_id FROM t))
  )`;
const ENRICH_COLUMNS = `
    (SELECT json_agg(json_build_object('id', id::text, 'album_id', album_id::text, 'count', count, 'sum', sum)) FROM t) AS tracks,
    (SELECT json_agg(al) FROM al) AS albums,
    ${VIEWER_RATINGS}`;

// A page's catalog data, in one planned-once round trip.
const ENRICH_SQL = `WITH ${ENRICH_CTES} SELECT ${ENRICH_COLUMNS}`;

// What an entry write needs of the catalog, in one round trip: the snapshots of the tracks ($1)
// and albums ($2) it adds, and the catalog data its answer shows.
const SOURCES_SQL = `
  WITH ${ENRICH_CTES}, st AS (${trackSourcesSql(1)}), sa AS (${albumSourcesSql(2)})
  SELECT ${ENRICH_COLUMNS},
    (SELECT json_agg(st) FROM st) AS source_tracks,
    (SELECT json_agg(sa) FROM sa) AS source_albums`;

// The viewer's own ratings of a page's tracks and listed albums (none when $3 is null). Also a
// statement of its own: what every viewer sees of a page can be kept, this cannot.
const VIEWER_RATINGS_SQL = `SELECT ${VIEWER_RATINGS}`;

/** The playlists feature's reads of the catalog: snapshots for new entries, and a page's current data. */
export class PlaylistCatalogRepo {
  constructor(private readonly knex: Knex) {}

  /**
   * What adding these tracks and albums needs of the catalog, in one round trip: their snapshots
   * (unknown ids are left out) and the catalog data the answer shows, with the viewer's ratings.
   */
  async sources(trackIds: string[], albumIds: string[], viewerId: string | null): Promise<EntrySources> {
    const tracks = ids(trackIds);
    const albums = ids(albumIds);
    if (!tracks.length && !albums.length) return { tracks: new Map(), albums: new Map(), enrichment: noEnrichment() };
    const [row] = await preparedQuery<EnrichRow & { source_tracks: TrackSourceRow[] | null; source_albums: AlbumSourceRow[] | null }>(
      this.knex,
      'playlist_entry_sources',
      SOURCES_SQL,
      [tracks, albums, validViewer(viewerId)],
    );
    return { tracks: trackSources(row?.source_tracks ?? []), albums: albumSources(row?.source_albums ?? []), enrichment: enrichmentOf(row) };
  }

  /** Albums and community ratings of the catalog items a page points at, and the viewer's own ratings of them (none when `viewerId` is null). */
  async enrich(trackIds: Iterable<string>, albumIds: Iterable<string>, viewerId: string | null): Promise<EntryEnrichment> {
    const tracks = ids(trackIds);
    const albums = ids(albumIds);
    if (!tracks.length && !albums.length) return noEnrichment();
    const [row] = await preparedQuery<EnrichRow>(this.knex, 'playlist_entry_enrichment', ENRICH_SQL, [tracks, albums, validViewer(viewerId)]);
    return enrichmentOf(row);
  }

  /** The viewer's own ratings of the tracks and albums; none for a signed-out viewer. */
  async viewerRatings(trackIds: Iterable<string>, albumIds: Iterable<string>, viewerId: string | null): Promise<ViewerRatings> {
    const tracks = ids(trackIds);
    const albums = ids(albumIds);
    const viewer = validViewer(viewerId);
    if (!viewer || (!tracks.length && !albums.length)) return noRatings();
    const [row] = await preparedQuery<RatingsRow>(this.knex, 'playlist_viewer_ratings', VIEWER_RATINGS_SQL, [tracks, albums, viewer]);
    return ratingsOf(row);
  }
}
