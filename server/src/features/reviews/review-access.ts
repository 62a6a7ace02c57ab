import type { Knex } from 'knex';
import { AppError } from '../../lib/app-error';
import type { AccountsReadModel } from '../auth/accounts.read-model';
import type { ReviewGateRow, ReviewsRepo } from './reviews.repo';

/** Hidden by moderators, by a suspended author, or not for this viewer under the visibility rule. */
function withheld(row: ReviewGateRow): boolean {
  return row.hidden_at !== null || row.author_suspended || !row.visible_to_viewer;
}

/**
 * Who may read a review and who may like or comment on it. A review the viewer may not see
 * answers 404, as a missing one does, so its existence is not revealed. Administrators read
 * every review (moderators must read what was reported) but like and comment only where the
 * rule lets them, so they leave no trace on reviews they could not otherwise see.
 */
export class ReviewAccess {
  constructor(
    private readonly reviews: Pick<ReviewsRepo, 'gate'>,
    private readonly users: Pick<AccountsReadModel, 'findById'>,
  ) {}

  /** The row itself when the viewer may read it; 404 otherwise. */
  async readable<T extends ReviewGateRow>(row: T | null, viewerId: string | null): Promise<T> {
    if (!row || (withheld(row) && !(await this.isAdmin(viewerId)))) throw AppError.notFound('Review');
    return row;
  }

  /** The author's id when the viewer may read the review (its page, its comments); 404 otherwise. */
  async readableAuthor(reviewId: string, viewerId: string | null): Promise<string> {
    return String((await this.readable(await this.reviews.gate(reviewId, viewerId), viewerId)).user_id);
  }

  /** The author's id when the user may like or comment on the review; 404 otherwise. `db` reads in the caller's transaction. */
  async interactableAuthor(reviewId: string, userId: string, db?: Knex): Promise<string> {
    const row = await this.reviews.gate(reviewId, userId, db);
    if (!row || withheld(row)) throw AppError.notFound('Review');
    return String(row.user_id);
  }

  private async isAdmin(userId: string | null): Promise<boolean> {
    return userId !== null && (await this.users.findById(userId))?.role === 'admin';
  }
}
