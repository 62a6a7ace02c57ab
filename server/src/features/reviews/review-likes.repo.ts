import type { Knex } from 'knex';
import { onForeignKeyViolation } from '../../db/pg-errors';
import { AppError } from '../../lib/app-error';

/** Likes of reviews, one per user and review; the review's like_count follows by trigger. */
export class ReviewLikesRepo {
  constructor(private readonly knex: Knex) {}

  /** Adds the like; false when the user already liked the review, 404 when it was deleted meanwhile. */
  async insert(trx: Knex, reviewId: string, userId: string): Promise<boolean> {
    const rows = await trx('review_likes')
      .insert({ review_id: reviewId, user_id: userId })
      .onConflict(['review_id', 'user_id'])
      .ignore()
      .returning('review_id')
      .catch(onForeignKeyViolation(() => AppError.notFound('Review')));
    return rows.length > 0;
  }

  /** Removes the like; false when there was none. */
  async delete(trx: Knex, reviewId: string, userId: string): Promise<boolean> {
    return (await trx('review_likes').where({ review_id: reviewId, user_id: userId }).delete()) > 0;
  }
}
