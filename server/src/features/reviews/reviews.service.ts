import type { Knex } from 'knex';
import { z } from 'zod';
import {
  type Page,
  type ReviewCreateInput,
  type ReviewDetail,
  type ReviewListQuery,
  type ReviewUpdateInput,
  type ReviewView,
  type UserReviewListQuery,
} from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { ProfileAccess } from '../profiles/profile-access';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import type { DiaryRepo } from '../diary/diary.repo';
import type { ListenLog } from '../diary/listen-log';
import { AfterCommit } from '../../db/after-commit';
import { starsToStoredValue, type RatingsService } from '../ratings/ratings.service';
import { decodeCursor, encodeCursor, IdKey, TimestampKey } from './page-cursor';
import type { ReviewAccess } from './review-access';
import type { ReviewCommentsService } from './review-comments.service';
import { presentReview } from './reviews.presenter';
import { assertStorableText } from '../../lib/storable-text';
import type { ReviewListOptions, ReviewOwnerRow, ReviewPatch, ReviewSort, ReviewViewRow, ReviewsRepo } from './reviews.repo';

export interface ReviewsServiceDeps {
  knex: Knex;
  reviews: ReviewsRepo;
  diary: DiaryRepo;
  listens: ListenLog;
  ratings: RatingsService;
  comments: ReviewCommentsService;
  catalog: CatalogReadModel;
  /** Who may read one review. */
  reviewAccess: Pick<ReviewAccess, 'readable'>;
  /** Who may read a user's reviews list: whoever may see their profile. */
  access: Pick<ProfileAccess, 'visibleOwner'>;
  logger: Logger;
}

const FIRST_COMMENTS = 50;

const CURSOR_KEYS = {
  popular: z.tuple([z.number().int().min(0), TimestampKey, IdKey]),
  recent: z.tuple([TimestampKey, IdKey]),
};

function cursorFor(sort: ReviewSort, row: ReviewViewRow): string {
  return sort === 'popular'
    ? encodeCursor('reviews.popular', [Number(row.like_count), row.created_key, String(row.id)])
    : encodeCursor('reviews.recent', [row.created_key, String(row.id)]);
}

function afterFor(sort: ReviewSort, cursor: string | undefined): ReviewListOptions['after'] {
  if (cursor === undefined) return undefined;
  if (sort === 'popular') {
    const [likeCount, createdKey, id] = decodeCursor(cursor, 'reviews.popular', CURSOR_KEYS.popular);
    return { likeCount, createdKey, id };
  }
  const [createdKey, id] = decodeCursor(cursor, 'reviews.recent', CURSOR_KEYS.recent);
  return { createdKey, id };
}

/**
 * Reviews of albums: written with an optional rating (which becomes the current rating) and an
 * optional listen date (which logs a diary entry), edited and deleted by their author only.
 */
export class ReviewsService {
  constructor(private readonly deps: ReviewsServiceDeps) {}

  /** Writes a review with its rating and diary entry in one transaction (404 for a missing album). */
  async create(userId: string, albumId: string, input: ReviewCreateInput): Promise<ReviewView> {
    if (!(await this.deps.catalog.albumExists(albumId))) throw AppError.notFound('Album');
    const effects = new AfterCommit();
    const { reviewId } = await this.deps.knex.transaction((trx) =>
      this.deps.listens.write(trx, effects, userId, {
        albumId,
        listenedOn: input.listenedOn ?? null,
        stars: input.rating ?? null,
        isRelisten: input.isRelisten,
        reviewBody: input.body,
        visibility: input.visibility,
      }),
    );
    await effects.run(this.deps.logger);
    return this.view(reviewId!, userId);
  }

  /**
   * Changes the author's review. A new rating also becomes the current album rating; the
   * diary entry written with the review follows its date, rating and relisten flag (a date
   * set to null removes that entry, a date on a review without one logs a new entry).
   */
  async update(userId: string, reviewId: string, input: ReviewUpdateInput): Promise<ReviewView> {
    const effects = new AfterCommit();
    await this.deps.knex.transaction(async (trx) => {
      const review = await this.authored(trx, userId, reviewId);
      const patch: ReviewPatch = {};
      if (input.body !== undefined) {
        assertStorableText(input.body, 'body');
        patch.body = input.body;
      }
      if (input.isRelisten !== undefined) patch.is_relisten = input.isRelisten;
      if (input.listenedOn !== undefined) patch.listened_on = input.listenedOn;
      if (input.rating !== undefined) {
        patch.rating = input.rating === null ? null : starsToStoredValue(input.rating);
        if (input.rating !== null) await this.deps.ratings.rateAlbumIn(trx, effects, userId, String(review.album_id), input.rating);
      }
      await this.deps.reviews.update(trx, reviewId, patch);
      await this.syncDiaryEntry(trx, userId, review, patch);
    });
    await effects.run(this.deps.logger);
    return this.view(reviewId, userId);
  }

  /** Deletes the author's review with its likes and comments; its diary entry stays as a plain listen. */
  async delete(userId: string, reviewId: string): Promise<void> {
    await this.deps.knex.transaction(async (trx) => {
      await this.authored(trx, userId, reviewId);
      await this.deps.reviews.delete(trx, reviewId);
    });
  }

  /**
   * One review with the first page of its comments; a review the visibility rule keeps from the
   * viewer, a hidden one, or one whose author is suspended, is 404 except to administrators.
   */
  async get(reviewId: string, viewerId: string | null): Promise<ReviewDetail> {
    const row = await this.deps.reviewAccess.readable(await this.deps.reviews.findView(reviewId, viewerId), viewerId);
    const comments = await this.deps.comments.page(reviewId, String(row.user_id), { limit: FIRST_COMMENTS }, viewerId);
    return { ...presentReview(row), comments };
  }

  /** An album's reviews the viewer may see, most liked or newest first (404 for a missing album). */
  async listForAlbum(albumId: string, query: ReviewListQuery, viewerId: string | null): Promise<Page<ReviewView>> {
    const after = afterFor(query.sort, query.cursor);
    if (!(await this.deps.catalog.albumExists(albumId))) throw AppError.notFound('Album');
    const rows = await this.deps.reviews.listForAlbum(albumId, { sort: query.sort, limit: query.limit + 1, viewerId, after });
    return this.page(rows, query);
  }

  /**
   * A user's reviews by handle, newest (or most liked) first, for whoever may see their profile
   * (404 for an unknown handle, 403 for a private profile the viewer does not follow or a
   * suspended account), each one only if its own visibility lets the viewer see it.
   */
  async listForUser(handle: string, query: UserReviewListQuery, viewerId: string | null): Promise<Page<ReviewView>> {
    const after = afterFor(query.sort, query.cursor);
    const user = await this.deps.access.visibleOwner(viewerId, handle);
    const rows = await this.deps.reviews.listForUser(String(user.id), { sort: query.sort, limit: query.limit + 1, viewerId, after });
    return this.page(rows, query);
  }

  private page(rows: ReviewViewRow[], query: { sort: ReviewSort; limit: number }): Page<ReviewView> {
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items: items.map(presentReview), nextCursor: rows.length > query.limit && last ? cursorFor(query.sort, last) : null };
  }

  private async view(reviewId: string, viewerId: string): Promise<ReviewView> {
    const row = await this.deps.reviews.findView(reviewId, viewerId);
    if (!row) throw AppError.notFound('Review');
    return presentReview(row);
  }

  /** Locks the review for a write by its author; 404 when missing, 403 `not_author` for anyone else. */
  private async authored(trx: Knex.Transaction, userId: string, reviewId: string): Promise<ReviewOwnerRow> {
    const review = await this.deps.reviews.lockOwner(trx, reviewId);
    if (!review) throw AppError.notFound('Review');
    if (String(review.user_id) !== userId) throw AppError.forbidden('not_author', 'Only the author can change or delete this review.');
    return review;
  }

  private async syncDiaryEntry(trx: Knex.Transaction, userId: string, review: ReviewOwnerRow, patch: ReviewPatch): Promise<void> {
    const { diary } = this.deps;
    const entryId = await diary.idForReview(trx, String(review.id));
    if (patch.listened_on === null) {
      if (entryId) await diary.delete(trx, entryId);
      return;
    }
    if (entryId) {
      const changes: Parameters<DiaryRepo['update']>[2] = {};
      if (patch.listened_on !== undefined) changes.listened_on = patch.listened_on;
      if (patch.rating !== undefined) changes.rating = patch.rating;
      if (patch.is_relisten !== undefined) changes.is_relisten = patch.is_relisten;
      await diary.update(trx, entryId, changes);
    } else if (patch.listened_on) {
      await diary.insert(trx, {
        userId,
        albumId: String(review.album_id),
        listenedOn: patch.listened_on,
        rating: patch.rating !== undefined ? patch.rating : review.rating,
        reviewId: String(review.id),
        isRelisten: patch.is_relisten ?? review.is_relisten,
      });
    }
  }
}
