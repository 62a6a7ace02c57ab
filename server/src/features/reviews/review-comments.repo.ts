import type { Knex } from 'knex';
import { onForeignKeyViolation } from '../../db/pg-errors';
import { AppError } from '../../lib/app-error';
import { canSeeSql } from '../../db/visibility-sql';
import { REVIEWED_TITLE_SQL } from './reviews.repo';

export interface CommentViewRow {
  id: string;
  review_id: string;
  user_id: string;
  body: string;
  created_at: Date;
  author_handle: string;
  author_display_name: string;
}

export interface CommentOwnersRow {
  id: string;
  user_id: string;
  review_id: string;
  review_author_id: string;
}

export interface CommentNoticeRow {
  comment_id: string;
  review_id: string;
  actor_id: string;
  body: string;
  author_id: string;
  /** The reviewed track's title, or the album's. */
  reviewed_title: string;
  actor_name: string;
  actor_handle: string;
  review_author_name: string;
}

/** Comments on reviews; the review's comment_count follows by trigger. */
export class ReviewCommentsRepo {
  constructor(private readonly knex: Knex) {}

  /** Adds a comment; 404 when the review was deleted meanwhile. */
  async insert(reviewId: string, userId: string, body: string, trx: Knex = this.knex): Promise<string> {
    const [row] = await trx('review_comments')
      .insert({ review_id: reviewId, user_id: userId, body })
      .returning('id')
      .catch(onForeignKeyViolation(() => AppError.notFound('Review')));
    return String(row.id);
  }

  async findView(id: string): Promise<CommentViewRow | null> {
    const rows = await this.viewQuery().where('c.id', id).limit(1);
    return (rows[0] as CommentViewRow | undefined) ?? null;
  }

  /** Visible comments (not hidden, author not suspended), oldest first; `afterId` continues a page. */
  async listForReview(reviewId: string, limit: number, afterId?: string): Promise<CommentViewRow[]> {
    const q = this.viewQuery().where('c.review_id', reviewId).whereNull('c.hidden_at').whereNull('u.suspended_at').orderBy('c.id', 'asc').limit(limit);
    if (afterId) q.where('c.id', '>', afterId);
    return (await q) as CommentViewRow[];
  }

  /** Who wrote the comment and who wrote the review it is on (the two who may delete it). */
  async findOwners(id: string): Promise<CommentOwnersRow | null> {
    const row = await this.knex('review_comments as c')
      .join('reviews as r', 'r.id', 'c.review_id')
      .select('c.id', 'c.user_id', 'c.review_id', 'r.user_id as review_author_id')
      .where('c.id', id)
      .first();
    return (row as CommentOwnersRow | undefined) ?? null;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.knex('review_comments').where({ id }).delete()) > 0;
  }

  /** What a "commented on your review" notification says; null once the comment is gone. */
  async notice(id: string): Promise<CommentNoticeRow | null> {
    const row = await this.knex('review_comments as c')
      .join('reviews as r', 'r.id', 'c.review_id')
      .join('albums as a', 'a.id', 'r.album_id')
      .leftJoin('tracks as t', 't.id', 'r.track_id')
      .join('users as u', 'u.id', 'c.user_id')
      .join('users as ra', 'ra.id', 'r.user_id')
      .select(
        'c.id as comment_id',
        'c.review_id',
        'c.user_id as actor_id',
        'c.body',
        'r.user_id as author_id',
        this.knex.raw(`${REVIEWED_TITLE_SQL} AS reviewed_title`),
        'u.display_name as actor_name',
        'u.handle as actor_handle',
        'ra.display_name as review_author_name',
      )
      .where('c.id', id)
      .whereNull('c.hidden_at')
      .whereNull('r.hidden_at')
      .first();
    return (row as CommentNoticeRow | undefined) ?? null;
  }

  /**
   * Who else is in the thread a comment joined: everyone with a visible earlier comment on the
   * same review, except the review's author, the commenter, anyone the commenter is blocked
   * with either way, and anyone who may no longer see the review (an unfollowed private
   * profile, a followers-only review) and so must not read replies to it.
   */
  async earlierParticipants(commentId: string): Promise<string[]> {
    const { rows } = await this.knex.raw<{ rows: { user_id: string }[] }>(
      `SELECT DISTINCT e.user_id
         FROM review_comments c
         JOIN reviews r ON r.id = c.review_id
         JOIN users ra ON ra.id = r.user_id
         JOIN review_comments e ON e.review_id = c.review_id AND e.id < c.id AND e.hidden_at IS NULL
        WHERE c.id = ?
          AND ${canSeeSql({ viewer: 'e.user_id', owner: 'r.user_id', visibility: 'r.visibility', ownerIsPrivate: 'ra.is_private' })}
          AND e.user_id <> c.user_id
          AND e.user_id <> r.user_id
          AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = e.user_id AND b.blocked_id = c.user_id) OR (b.blocker_id = c.user_id AND b.blocked_id = e.user_id))
        ORDER BY e.user_id`,
      [commentId],
    );
    return rows.map((r) => String(r.user_id));
  }

  private viewQuery() {
    return this.knex('review_comments as c')
      .join('users as u', 'u.id', 'c.user_id')
      .select('c.id', 'c.review_id', 'c.user_id', 'c.body', 'c.created_at', 'u.handle as author_handle', 'u.display_name as author_display_name');
  }
}
