import type { Knex } from 'knex';
import { types } from 'pg';
import { preparedQuery } from '../../db/prepared';
import type { AlbumRow, CreditRow, StatsRow, TrackRow } from '../catalog/catalog.read-model';
import type { DiaryViewRow } from '../diary/diary.repo';
import type { HistoryRow } from '../ratings/ratings.repo';
import type { ReviewViewRow } from '../reviews/reviews.repo';
import { canSeeSql } from '../../db/visibility-sql';
import { LISTEN_NUMBER_SQL } from '../../db/listen-number-sql';

/** Everything the album page shows to anyone: the album, its credits, tracks, aggregate and top reviews. */
export interface AlbumPageRow {
  album: AlbumRow;
  credits: CreditRow[];
  tracks: TrackRow[];
  stats: StatsRow | null;
  topReviews: ReviewViewRow[];
}

/** What the album page shows about the signed-in viewer. */
export interface ViewerAlbumRow {
  rating: number | null;
  review_id: string | null;
  track_ratings: { track_id: string | number; value: number }[];
  history: HistoryRow[];
  diary: DiaryViewRow[];
}

type Timestamped<T, K extends keyof T> = Omit<T, K> & Record<K, string>;

interface PageSqlRow extends AlbumRow {
  stats_count: number | null;
  stats_sum: string | null;
  stats_histogram: number[] | null;
  stats_weight_sum: string | null;
  stats_weighted_sum: string | null;
  stats_held_at: Date | null;
  stats_stable_weight_sum: string | null;
  stats_stable_weighted_sum: string | null;
  credits: CreditRow[];
  tracks: TrackRow[];
  top_reviews: Timestamped<ReviewViewRow, 'created_at' | 'updated_at'>[];
}

interface ViewerSqlRow extends Omit<ViewerAlbumRow, 'diary'> {
  diary: Timestamped<DiaryViewRow, 'created_at'>[];
}

// The limits are written into the SQL rather than passed, so the generic plan a prepared
// statement settles on still knows how few rows it needs.
/** How many reviews the page shows, most liked first. */
const TOP_REVIEWS = 5;
/** At most this many diary entries of one album on the page. */
const DIARY_LIMIT = 100;

// Timestamps inside JSON travel as Postgres' own text (`::text`) and go through the driver's
// parser, so they become exactly the Dates a plain column would have given.
const parseTimestamp = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date;

// Ids go into JSON as text: the driver hands bigint columns over as strings, and JSON numbers
// would lose digits past 2^53. The ORDER BY and LIMIT of each part match the reads they
// replace (CatalogReadModel, ReviewsRepo.listForAlbum 'popular', the diary's own list); top reviews
// pass the same visibility rule as the album's review list, before the limit.
const PAGE_SQL = `
SELECT a.id, a.title, a.artist_credit, to_char(a.release_date, 'YYYY-MM-DD') AS release_date, a.release_date_precision,
       a.release_year, a.type, a.genres, a.styles, a.label, a.catalog_number, a.country, a.upc, a.cover_url, a.cover_key,
       a.spotify_id, a.apple_id, a.discogs_id,
       s.count AS stats_count, s.sum AS stats_sum, s.histogram AS stats_histogram,
       s.weight_sum AS stats_weight_sum, s.weighted_sum AS stats_weighted_sum, s.held_at AS stats_held_at,
       s.stable_weight_sum AS stats_stable_weight_sum, s.stable_weighted_sum AS stats_stable_weighted_sum,
       (SELECT coalesce(json_agg(json_build_object(
                 'artist_id', c.artist_id::text, 'credited_name', c.credited_name, 'join_phrase', c.join_phrase)
               ORDER BY c.position), '[]'::json)
          FROM album_artists c
         WHERE c.album_id = a.id) AS credits,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', t.id::text, 'album_id', t.album_id::text, 'disc', t.disc, 'position', t.position,
                 'position_label', t.position_label, 'title', t.title, 'artist_credit', t.artist_credit,
                 'duration_ms', t.duration_ms, 'isrc', t.isrc, 'count', ts.count, 'sum', ts.sum::text)
               ORDER BY t.disc, t.position), '[]'::json)
          FROM tracks t
          LEFT JOIN track_rating_stats ts ON ts.track_id = t.id
         WHERE t.album_id = a.id) AS tracks,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', r.id::text, 'user_id', r.user_id::text, 'album_id', r.album_id::text, 'body', r.body,
                 'rating', r.rating, 'listened_on', to_char(r.listened_on, 'YYYY-MM-DD'), 'is_relisten', r.is_relisten,
                 'visibility', r.visibility, 'like_count', r.like_count, 'comment_count', r.comment_count,
                 'created_at', r.created_at::text, 'updated_at', r.updated_at::text,
                 'created_key', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'),
                 'author_handle', r.handle, 'author_display_name', r.display_name,
                 'album_title', a.title, 'album_artist_credit', a.artist_credit, 'album_release_year', a.release_year,
                 'album_type', a.type, 'album_cover_key', a.cover_key, 'album_genres', a.genres,
                 'liked_by_viewer', $2::bigint IS NOT NULL
                                    AND EXISTS (SELECT 1 FROM review_likes l WHERE l.review_id = r.id AND l.user_id = $2::bigint),
                 'listen_number', ${LISTEN_NUMBER_SQL})
               ORDER BY r.like_count DESC, r.created_at DESC, r.id DESC), '[]'::json)
          FROM (SELECT r.id, r.user_id, r.album_id, r.track_id, r.body, r.rating, r.listened_on, r.is_relisten, r.visibility, r.like_count,
                       r.comment_count, r.created_at, r.updated_at, u.handle, u.display_name
                  FROM reviews r
                  JOIN users u ON u.id = r.user_id
                 WHERE r.album_id = a.id AND r.track_id IS NULL AND r.hidden_at IS NULL AND u.suspended_at IS NULL
                   AND ${canSeeSql({ viewer: '$2::bigint', owner: 'r.user_id', visibility: 'r.visibility', ownerIsPrivate: 'u.is_private' })}
                 ORDER BY r.like_count DESC, r.created_at DESC, r.id DESC
                 LIMIT ${TOP_REVIEWS}) r) AS top_reviews
  FROM albums a
  LEFT JOIN album_rating_stats s ON s.album_id = a.id
 WHERE a.id = $1`;

const VIEWER_SQL = `
SELECT
  (SELECT value FROM album_ratings WHERE user_id = $1 AND album_id = $2) AS rating,
  (SELECT id FROM reviews WHERE user_id = $1 AND album_id = $2 AND track_id IS NULL ORDER BY created_at DESC, id DESC LIMIT 1) AS review_id,
  (SELECT coalesce(json_agg(json_build_object('track_id', tr.track_id, 'value', tr.value)), '[]'::json)
     FROM track_ratings tr
    WHERE tr.user_id = $1 AND tr.track_id IN (SELECT id FROM tracks WHERE album_id = $2)) AS track_ratings,
  (SELECT coalesce(json_agg(json_build_object('value', h.value, 'rated_at', h.rated_at, 'replaced_at', h.replaced_at) ORDER BY h.replaced_at DESC, h.id DESC), '[]'::json)
     FROM rating_history h
    WHERE h.user_id = $1 AND h.item_type = 'album' AND h.item_id = $2) AS history,
  (SELECT coalesce(json_agg(json_build_object(
            'id', d.id::text, 'user_id', d.user_id::text, 'album_id', d.album_id::text, 'rating', d.rating,
            'is_relisten', d.is_relisten, 'review_id', d.review_id::text, 'created_at', d.created_at::text,
            'album_title', a.title, 'album_artist_credit', a.artist_credit, 'album_release_year', a.release_year,
            'album_type', a.type, 'album_cover_key', a.cover_key, 'album_genres', a.genres,
            'listened_on', to_char(d.listened_on, 'YYYY-MM-DD'))
          ORDER BY d.listened_on DESC, d.id DESC), '[]'::json)
     FROM (SELECT id, user_id, album_id, rating, is_relisten, review_id, created_at, listened_on
             FROM diary_entries
            WHERE user_id = $1 AND album_id = $2
            ORDER BY listened_on DESC, id DESC
            LIMIT ${DIARY_LIMIT}) d
     JOIN albums a ON a.id = d.album_id) AS diary`;

/**
 * The album page's reads as two named prepared statements (planned once per connection): one
 * for what everyone sees, one for the signed-in viewer, so a page costs one or two round trips.
 */
export class AlbumPageRepo {
  constructor(private readonly knex: Knex) {}

  /**
   * The shared part of the page (top five reviews the viewer may see), null when the album does
   * not exist; `viewerId` decides which reviews are visible and marks those they liked.
   */
  async page(albumId: string, viewerId: string | null): Promise<AlbumPageRow | null> {
    const [row] = await preparedQuery<PageSqlRow>(this.knex, 'album_page', PAGE_SQL, [albumId, viewerId]);
    if (!row) return null;
    const {
      stats_count,
      stats_sum,
      stats_histogram,
      stats_weight_sum,
      stats_weighted_sum,
      stats_held_at,
      stats_stable_weight_sum,
      stats_stable_weighted_sum,
      credits,
      tracks,
      top_reviews,
      ...album
    } = row;
    return {
      album,
      credits,
      tracks,
      stats:
        stats_count === null
          ? null
          : {
              count: stats_count,
              sum: stats_sum ?? 0,
              histogram: stats_histogram ?? [],
              weight_sum: stats_weight_sum,
              weighted_sum: stats_weighted_sum,
              held_at: stats_held_at,
              stable_weight_sum: stats_stable_weight_sum,
              stable_weighted_sum: stats_stable_weighted_sum,
            },
      topReviews: top_reviews.map((r) => ({ ...r, created_at: parseTimestamp(r.created_at), updated_at: parseTimestamp(r.updated_at) })),
    };
  }

  /** The viewer's album rating, its history, their newest review id, their track ratings and their diary entries. */
  async viewer(userId: string, albumId: string): Promise<ViewerAlbumRow> {
    const [row] = await preparedQuery<ViewerSqlRow>(this.knex, 'album_page_viewer', VIEWER_SQL, [userId, albumId]);
    const { diary, ...rest } = row!;
    return { ...rest, diary: diary.map((d) => ({ ...d, created_at: parseTimestamp(d.created_at) })) };
  }
}
