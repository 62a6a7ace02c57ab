import type { Knex } from 'knex';
import { LISTEN_NUMBER_SQL } from '../../db/listen-number-sql';
import { canSeeSql } from '../../db/visibility-sql';

/** Album identifiers carried by every exported row, so the data can be matched elsewhere. */
export interface AlbumRefRow {
  album_id: string | null;
  album_title: string | null;
  album_artist: string | null;
  release_year: number | null;
  upc: string | null;
  album_spotify_id: string | null;
  album_apple_id: string | null;
  discogs_id: string | null;
}

/** Track identifiers carried by rows about a track (all null for an album), beside the album's. */
export interface TrackRefRow {
  item_type: 'album' | 'track';
  track_id: string | null;
  track_title: string | null;
  track_artist: string | null;
  isrc: string | null;
  track_spotify_id: string | null;
  track_apple_id: string | null;
}

export interface RatingExportRow extends AlbumRefRow, TrackRefRow {
  status: 'current' | 'history';
  value: number;
  rated_at: Date;
  replaced_at: Date | null;
}

export interface ReviewExportRow extends AlbumRefRow, TrackRefRow {
  id: string;
  body: string;
  rating: number | null;
  listened_on: string | null;
  is_relisten: boolean;
  /** After how many of the author's listens of the album it was written (1: first impression); null for a track review. */
  listen_number: number | null;
  like_count: number;
  comment_count: number;
  created_at: Date;
  updated_at: Date;
}

export interface DiaryExportRow extends AlbumRefRow {
  id: string;
  listened_on: string;
  rating: number | null;
  is_relisten: boolean;
  review_id: string | null;
  created_at: Date;
}

/** What a comment or like is about, once the review is seen: its item type and, for a track review, the track. */
export interface ReviewedItemRow extends Omit<TrackRefRow, 'item_type'> {
  item_type: 'album' | 'track' | null;
}

export interface CommentExportRow extends AlbumRefRow, ReviewedItemRow {
  id: string;
  review_id: string;
  /** Null, with the album, when the user may no longer see the review. */
  review_author: string | null;
  body: string;
  created_at: Date;
}

export interface LikeExportRow extends AlbumRefRow, ReviewedItemRow {
  review_id: string;
  /** Null, with the album, when the user may no longer see the review. */
  review_author: string | null;
  created_at: Date;
}

export interface ListenLaterExportRow extends AlbumRefRow {
  added_at: Date;
  keep: boolean;
}

const ALBUM_REF = `a.id AS album_id, a.title AS album_title, a.artist_credit AS album_artist, a.release_year, a.upc,
  a.spotify_id AS album_spotify_id, a.apple_id AS album_apple_id, a.discogs_id`;

/**
 * Joins a review \`rv\` (by \`u\`) to its album and author only where \`viewer\` may still see it:
 * the row itself is the viewer's own data (their comment, their like) and stays, but someone
 * else's review they can no longer see (its visibility, a private profile they left, a block,
 * moderators, a suspension) is not described to them, so the export leaks nothing the app would not show.
 */
function seenReviewSql(viewer: string): string {
  const canSee = canSeeSql({ viewer, owner: 'rv.user_id', visibility: 'rv.visibility', ownerIsPrivate: 'u.is_private' });
  return `CROSS JOIN LATERAL (SELECT rv.user_id = ${viewer} OR (rv.hidden_at IS NULL AND u.suspended_at IS NULL AND ${canSee}) AS seen) v
          LEFT JOIN albums a ON a.id = rv.album_id AND v.seen
          LEFT JOIN tracks t ON t.id = rv.track_id AND v.seen`;
}

/** A track \`t\`'s identifiers as TrackRefRow names them (all null where \`t\` did not join). */
const TRACK_REF = `t.id AS track_id, t.title AS track_title, t.artist_credit AS track_artist, t.isrc, t.spotify_id AS track_spotify_id, t.apple_id AS track_apple_id`;

/** The reviewed item's type and track, as seenReviewSql joined them (all null where the review is not seen). */
const REVIEWED_ITEM = `CASE WHEN NOT v.seen THEN NULL WHEN rv.track_id IS NULL THEN 'album' ELSE 'track' END AS item_type, ${TRACK_REF}`;

/** Reads everything one user has written, for their data export. Always filtered by the user's id. */
export class ExportsRepo {
  constructor(private readonly knex: Knex) {}

  /** Current album and track ratings and the history of replaced ones, oldest first. */
  async ratings(userId: string): Promise<RatingExportRow[]> {
    const { rows } = await this.knex.raw<{ rows: RatingExportRow[] }>(
      `SELECT * FROM (
         SELECT 'album' AS item_type, 'current' AS status, ${ALBUM_REF}, NULL::bigint AS track_id, NULL AS track_title, NULL AS track_artist,
                NULL AS isrc, NULL AS track_spotify_id, NULL AS track_apple_id, r.value, r.updated_at AS rated_at, NULL::timestamptz AS replaced_at
           FROM album_ratings r JOIN albums a ON a.id = r.album_id WHERE r.user_id = :user
         UNION ALL
         SELECT 'track', 'current', ${ALBUM_REF}, t.id, t.title, t.artist_credit, t.isrc, t.spotify_id, t.apple_id, r.value, r.updated_at, NULL
           FROM track_ratings r JOIN tracks t ON t.id = r.track_id JOIN albums a ON a.id = t.album_id WHERE r.user_id = :user
         UNION ALL
         SELECT 'album', 'history', ${ALBUM_REF}, NULL, NULL, NULL, NULL, NULL, NULL, h.value, h.rated_at, h.replaced_at
           FROM rating_history h LEFT JOIN albums a ON a.id = h.item_id WHERE h.user_id = :user AND h.item_type = 'album'
         UNION ALL
         SELECT 'track', 'history', ${ALBUM_REF}, h.item_id, t.title, t.artist_credit, t.isrc, t.spotify_id, t.apple_id, h.value, h.rated_at, h.replaced_at
           FROM rating_history h LEFT JOIN tracks t ON t.id = h.item_id LEFT JOIN albums a ON a.id = t.album_id WHERE h.user_id = :user AND h.item_type = 'track'
       ) all_ratings
       ORDER BY rated_at, item_type, album_id, track_id`,
      { user: userId },
    );
    return rows;
  }

  async reviews(userId: string): Promise<ReviewExportRow[]> {
    const { rows } = await this.knex.raw<{ rows: ReviewExportRow[] }>(
      `SELECT r.id, r.body, r.rating, to_char(r.listened_on, 'YYYY-MM-DD') AS listened_on, r.is_relisten, ${LISTEN_NUMBER_SQL} AS listen_number,
              r.like_count, r.comment_count, r.created_at, r.updated_at, ${ALBUM_REF},
              CASE WHEN r.track_id IS NULL THEN 'album' ELSE 'track' END AS item_type, ${TRACK_REF}
         FROM reviews r JOIN albums a ON a.id = r.album_id LEFT JOIN tracks t ON t.id = r.track_id
        WHERE r.user_id = ? ORDER BY r.created_at, r.id`,
      [userId],
    );
    return rows;
  }

  async diary(userId: string): Promise<DiaryExportRow[]> {
    const { rows } = await this.knex.raw<{ rows: DiaryExportRow[] }>(
      `SELECT d.id, to_char(d.listened_on, 'YYYY-MM-DD') AS listened_on, d.rating, d.is_relisten, d.review_id, d.created_at, ${ALBUM_REF}
         FROM diary_entries d JOIN albums a ON a.id = d.album_id
        WHERE d.user_id = ? ORDER BY d.listened_on, d.id`,
      [userId],
    );
    return rows;
  }

  /** Comments the user wrote, on anyone's review of an album or a track (described only while the user may see it). */
  async comments(userId: string): Promise<CommentExportRow[]> {
    const { rows } = await this.knex.raw<{ rows: CommentExportRow[] }>(
      `SELECT c.id, c.review_id, CASE WHEN v.seen THEN u.handle END AS review_author, c.body, c.created_at, ${ALBUM_REF}, ${REVIEWED_ITEM}
         FROM review_comments c JOIN reviews rv ON rv.id = c.review_id JOIN users u ON u.id = rv.user_id ${seenReviewSql('c.user_id')}
        WHERE c.user_id = ? ORDER BY c.created_at, c.id`,
      [userId],
    );
    return rows;
  }

  /** Albums on the user's Listen later queue, in the order they were added. */
  async listenLater(userId: string): Promise<ListenLaterExportRow[]> {
    const { rows } = await this.knex.raw<{ rows: ListenLaterExportRow[] }>(
      `SELECT l.added_at, l.keep, ${ALBUM_REF}
         FROM listen_later l JOIN albums a ON a.id = l.album_id
        WHERE l.user_id = ? ORDER BY l.added_at, l.album_id`,
      [userId],
    );
    return rows;
  }

  /** Reviews the user liked (described only while the user may see them). */
  async likes(userId: string): Promise<LikeExportRow[]> {
    const { rows } = await this.knex.raw<{ rows: LikeExportRow[] }>(
      `SELECT l.review_id, CASE WHEN v.seen THEN u.handle END AS review_author, l.created_at, ${ALBUM_REF}, ${REVIEWED_ITEM}
         FROM review_likes l JOIN reviews rv ON rv.id = l.review_id JOIN users u ON u.id = rv.user_id ${seenReviewSql('l.user_id')}
        WHERE l.user_id = ? ORDER BY l.created_at, l.review_id`,
      [userId],
    );
    return rows;
  }
}
