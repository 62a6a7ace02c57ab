import type { Knex } from 'knex';
import type { AlbumType, Visibility } from '@muse/shared';
import { onForeignKeyViolation } from '../../db/pg-errors';
import { AppError } from '../../lib/app-error';
import { timestampKeySql } from '../../lib/pagination';
import { canSeeSql } from '../../db/visibility-sql';
import { LISTEN_NUMBER_SQL } from '../../db/listen-number-sql';
import { ALBUM_SUMMARY_COLUMNS } from '../catalog/catalog.read-model';

/** The visibility rule over a review `r`, its author `u` and the viewer row `vw` (see viewerJoin). */
const CAN_SEE = canSeeSql({ viewer: 'vw.id', owner: 'r.user_id', visibility: 'r.visibility', ownerIsPrivate: 'u.is_private' });

/**
 * What a review is about, read from reviews `r` joined to its album `a` and left-joined to its
 * track `t`: the track's title for a track review, else the album's.
 */
export const REVIEWED_TITLE_SQL = 'COALESCE(t.title, a.title)';
/** Who made what a review is about: the track's own credit when it has one, else the album's. */
export const REVIEWED_ARTIST_SQL = "COALESCE(NULLIF(t.artist_credit, ''), a.artist_credit)";

/** A review with what its card shows: author, album (and track), and whether the viewer liked it. */
export interface ReviewViewRow {
  id: string;
  user_id: string;
  album_id: string;
  /** Set for a review of a track (then album_id is that track's album). */
  track_id: string | null;
  track_title: string | null;
  track_artist_credit: string | null;
  body: string;
  rating: number | null;
  listened_on: string | null;
  is_relisten: boolean;
  /** Who may see it (with the author's privacy: see CAN_SEE). */
  visibility: Visibility;
  like_count: number;
  comment_count: number;
  created_at: Date;
  updated_at: Date;
  /** created_at with microseconds, for cursors. */
  created_key: string;
  author_handle: string;
  author_display_name: string;
  album_title: string;
  album_artist_credit: string;
  album_release_year: number | null;
  album_type: AlbumType;
  album_cover_key: string | null;
  album_genres: string[];
  liked_by_viewer: boolean;
  /** Album reviews: which of the author's listens of the album it came after (1 = first impression); null for track reviews. */
  listen_number?: number | null;
  /** Set when moderators hid the review; hidden reviews are left out of every list. */
  hidden_at: Date | null;
  /** The author's account is suspended: withheld like a hidden review until it is lifted. */
  author_suspended: boolean;
  /** The visibility rule lets the viewer see it (lists only ever hold such reviews). */
  visible_to_viewer: boolean;
}

/** What decides whether a viewer may read, like or comment on a review. */
export interface ReviewGateRow {
  user_id: string;
  hidden_at: Date | null;
  author_suspended: boolean;
  visible_to_viewer: boolean;
}

export interface ReviewOwnerRow {
  id: string;
  user_id: string;
  album_id: string;
  track_id: string | null;
  rating: number | null;
  is_relisten: boolean;
}

export interface NewReview {
  userId: string;
  /** For a track review, the track's album. */
  albumId: string;
  /** Set for a review of a track. */
  trackId?: string | null;
  body: string;
  rating: number | null;
  listenedOn: string | null;
  isRelisten: boolean;
  /** The author's default visibility when absent. */
  visibility?: Visibility;
}

export interface ReviewPatch {
  body?: string;
  rating?: number | null;
  listened_on?: string | null;
  is_relisten?: boolean;
  visibility?: Visibility;
}

export type ReviewSort = 'popular' | 'recent';

export interface ReviewListOptions {
  sort: ReviewSort;
  limit: number;
  viewerId: string | null;
  /** Keyset of the last row of the previous page: [likeCount, createdKey, id] or [createdKey, id]. */
  after?: { likeCount?: number; createdKey: string; id: string };
}

export interface LikeNoticeRow {
  author_id: string;
  /** The reviewed track's title, or the album's. */
  reviewed_title: string;
  reviewed_artist_credit: string;
  actor_name: string;
  actor_handle: string;
  still_liked: boolean;
}

/** Reviews: the only place that reads or writes the reviews table. */
export class ReviewsRepo {
  constructor(private readonly knex: Knex) {}

  /** Writes a review; 404 when the album (or track) was deleted meanwhile. */
  async insert(trx: Knex, review: NewReview): Promise<string> {
    const [row] = await trx('reviews')
      .insert({
        user_id: review.userId,
        album_id: review.albumId,
        track_id: review.trackId ?? null,
        body: review.body,
        rating: review.rating,
        listened_on: review.listenedOn,
        is_relisten: review.isRelisten,
        visibility: review.visibility ?? trx.raw('(SELECT default_visibility FROM users WHERE id = ?)', [review.userId]),
      })
      .returning('id')
      .catch(onForeignKeyViolation(() => AppError.notFound(review.trackId ? 'Track' : 'Album')));
    return String(row.id);
  }

  /** Author, album and track of a review, row-locked so that an edit and a delete cannot interleave. */
  async lockOwner(trx: Knex.Transaction, id: string): Promise<ReviewOwnerRow | null> {
    const row = await trx('reviews').select('id', 'user_id', 'album_id', 'track_id', 'rating', 'is_relisten').where({ id }).forUpdate().first();
    return (row as ReviewOwnerRow | undefined) ?? null;
  }

  /** Who wrote the review and what withholds it from the viewer; null when it does not exist. */
  async gate(id: string, viewerId: string | null, trx: Knex = this.knex): Promise<ReviewGateRow | null> {
    const row = await viewerJoin(trx('reviews as r').join('users as u', 'u.id', 'r.user_id'), viewerId)
      .select('r.user_id', 'r.hidden_at', trx.raw('u.suspended_at IS NOT NULL AS author_suspended'), trx.raw(`${CAN_SEE} AS visible_to_viewer`))
      .where('r.id', id)
      .first();
    return row ? { ...(row as ReviewGateRow), user_id: String(row.user_id) } : null;
  }

  async update(trx: Knex, id: string, patch: ReviewPatch): Promise<void> {
    await trx('reviews')
      .where({ id })
      .update({ ...patch, updated_at: trx.fn.now() });
  }

  async delete(trx: Knex, id: string): Promise<void> {
    await trx('reviews').where({ id }).delete();
  }

  async likeCount(id: string, trx: Knex = this.knex): Promise<number> {
    const row = await trx('reviews').select('like_count').where({ id }).first();
    return Number(row?.like_count ?? 0);
  }

  async findView(id: string, viewerId: string | null): Promise<ReviewViewRow | null> {
    const rows = await this.viewQuery(viewerId).where('r.id', id).limit(1);
    return (rows[0] as ReviewViewRow | undefined) ?? null;
  }

  /**
   * One album's reviews the viewer may see (visibility rule, not hidden, author not suspended),
   * most liked or newest first; reviews of its tracks are not reviews of the album.
   */
  async listForAlbum(albumId: string, options: ReviewListOptions): Promise<ReviewViewRow[]> {
    return this.list(this.visibleQuery(options.viewerId).where('r.album_id', albumId).whereNull('r.track_id'), options);
  }

  /** One track's reviews the viewer may see, by the same rule as an album's. */
  async listForTrack(trackId: string, options: ReviewListOptions): Promise<ReviewViewRow[]> {
    return this.list(this.visibleQuery(options.viewerId).where('r.track_id', trackId), options);
  }

  /** One user's reviews the viewer may see (none while they are suspended), newest or most liked first. */
  async listForUser(userId: string, options: ReviewListOptions): Promise<ReviewViewRow[]> {
    return this.list(this.visibleQuery(options.viewerId).where('r.user_id', userId), options);
  }

  /** What a "liked your review" notification says, and whether the like still stands. */
  async likeNotice(reviewId: string, likerId: string): Promise<LikeNoticeRow | null> {
    const result = await this.knex.raw<{ rows: LikeNoticeRow[] }>(
      `SELECT r.user_id AS author_id, ${REVIEWED_TITLE_SQL} AS reviewed_title, ${REVIEWED_ARTIST_SQL} AS reviewed_artist_credit,
              u.display_name AS actor_name, u.handle AS actor_handle,
              EXISTS (SELECT 1 FROM review_likes l WHERE l.review_id = r.id AND l.user_id = u.id) AS still_liked
         FROM reviews r
         JOIN albums a ON a.id = r.album_id
         LEFT JOIN tracks t ON t.id = r.track_id
         JOIN users u ON u.id = ?
        WHERE r.id = ? AND r.hidden_at IS NULL`,
      [likerId, reviewId],
    );
    return result.rows[0] ?? null;
  }

  // The rule is applied in SQL, before the page is cut, so pages stay full and cursors right.
  private visibleQuery(viewerId: string | null) {
    // Rows that pass the rule are visible by definition: selecting the rule again would make
    // Postgres plan it twice on every list.
    return this.viewQuery(viewerId, 'true').whereNull('r.hidden_at').whereNull('u.suspended_at').whereRaw(CAN_SEE);
  }

  private viewQuery(viewerId: string | null, visibleToViewer = CAN_SEE) {
    const k = this.knex;
    return viewerJoin(
      k('reviews as r').join('users as u', 'u.id', 'r.user_id').join('albums as a', 'a.id', 'r.album_id').leftJoin('tracks as t', 't.id', 'r.track_id'),
      viewerId,
    )
      .select(
        'r.id',
        'r.user_id',
        'r.album_id',
        'r.track_id',
        't.title as track_title',
        't.artist_credit as track_artist_credit',
        'r.body',
        'r.rating',
        'r.is_relisten',
        'r.visibility',
        'r.like_count',
        'r.comment_count',
        'r.created_at',
        'r.updated_at',
        'r.hidden_at',
        'u.handle as author_handle',
        'u.display_name as author_display_name',
        ...ALBUM_SUMMARY_COLUMNS,
      )
      .select(
        k.raw(`to_char(r.listened_on, 'YYYY-MM-DD') AS listened_on`),
        k.raw(`${timestampKeySql('r.created_at')} AS created_key`),
        k.raw('u.suspended_at IS NOT NULL AS author_suspended'),
        k.raw(`${visibleToViewer} AS visible_to_viewer`),
        k.raw('EXISTS (SELECT 1 FROM review_likes l WHERE l.review_id = r.id AND l.user_id = vw.id) AS liked_by_viewer'),
        k.raw(`${LISTEN_NUMBER_SQL} AS listen_number`),
      );
  }

  private async list(query: Knex.QueryBuilder, options: ReviewListOptions): Promise<ReviewViewRow[]> {
    const { after } = options;
    const createdAt = `(?::timestamp AT TIME ZONE 'UTC')`;
    if (options.sort === 'popular') {
      if (after) query.whereRaw(`(r.like_count, r.created_at, r.id) < (?, ${createdAt}, ?)`, [after.likeCount ?? 0, after.createdKey, after.id]);
      query.orderBy([
        { column: 'r.like_count', order: 'desc' },
        { column: 'r.created_at', order: 'desc' },
        { column: 'r.id', order: 'desc' },
      ]);
    } else {
      if (after) query.whereRaw(`(r.created_at, r.id) < (${createdAt}, ?)`, [after.createdKey, after.id]);
      query.orderBy([
        { column: 'r.created_at', order: 'desc' },
        { column: 'r.id', order: 'desc' },
      ]);
    }
    return (await query.limit(options.limit)) as ReviewViewRow[];
  }
}

/** Adds the one-row `vw` (the viewer's id, NULL when signed out) that CAN_SEE reads. */
function viewerJoin(query: Knex.QueryBuilder, viewerId: string | null): Knex.QueryBuilder {
  return query.joinRaw('CROSS JOIN (SELECT ?::bigint AS id) AS vw', [viewerId]);
}
