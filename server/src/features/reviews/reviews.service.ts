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
import type { DiaryService } from '../diary/diary.service';
import type { ListenLog } from '../diary/listen-log';
import { AfterCommit } from '../../db/after-commit';
import type { Transactions, Tx } from '../../db/transaction';
import { decodeOptionalCursor, encodeCursor, IdKey, rowsToRead, TimestampKey, toPage } from '../../lib/pagination';
import { starsToStoredValue, type RatingsService } from '../ratings/ratings.service';
import type { ReviewAccess } from './review-access';
import type { ReviewCommentsService } from './review-comments.service';
import { presentReview } from '../../http/presenters/reviews.presenter';
import { assertStorableText } from '../../lib/storable-text';
import type { ReviewListOptions, ReviewOwnerRow, ReviewPatch, ReviewSort, ReviewViewRow, ReviewsRepo } from './reviews.repo';

export interface ReviewsServiceDeps {
  transactions: Transactions;
  reviews: ReviewsRepo;
  /** The diary entry written with a review follows the review's edits. */
  diary: Pick<DiaryService, 'followReviewEdit'>;
  listens: ListenLog;
  ratings: RatingsService;
  comments: ReviewCommentsService;
  catalog: CatalogReadModel;
  /** Who may read one review. */
  reviewAccess: Pick<ReviewAccess, 'readable' | 'interactableAuthor'>;
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
  if (sort === 'popular') {
    const keys = decodeOptionalCursor(cursor, 'reviews.popular', CURSOR_KEYS.popular);
    return keys && { likeCount: keys[0], createdKey: keys[1], id: keys[2] };
  }
  const keys = decodeOptionalCursor(cursor, 'reviews.recent', CURSOR_KEYS.recent);
  return keys && { createdKey: keys[0], id: keys[1] };
}

/**
 * Reviews of albums and of tracks: written with an optional rating (which becomes the current
 * rating of the album or track) and an optional listen date (which, for an album, logs a diary
 * entry), edited and deleted by their author only. Both kinds are one model: every rule below
 * and in likes, comments, reports and feeds applies to both alike.
 */
export class ReviewsService {
  constructor(private readonly deps: ReviewsServiceDeps) {}

  /** Writes a review with its rating and diary entry in one transaction (404 for a missing album). */
  async create(userId: string, albumId: string, input: ReviewCreateInput): Promise<ReviewView> {
    if (!(await this.deps.catalog.albumExists(albumId))) throw AppError.notFound('Album');
    return this.write(userId, { albumId }, input);
  }

  /** Writes a review of a track, its rating becoming the current track rating (404 for a missing track; no diary entry). */
  async createForTrack(userId: string, trackId: string, input: ReviewCreateInput): Promise<ReviewView> {
    const albumId = await this.deps.catalog.trackAlbumId(trackId);
    if (albumId === null) throw AppError.notFound('Track');
    return this.write(userId, { albumId, trackId }, input);
  }

  private async write(userId: string, about: { albumId: string; trackId?: string }, input: ReviewCreateInput): Promise<ReviewView> {
    const effects = new AfterCommit();
    const { reviewId } = await this.deps.transactions.run(
      (tx) =>
        this.deps.listens.write(tx, effects, userId, {
          ...about,
          listenedOn: input.listenedOn ?? null,
          stars: input.rating ?? null,
          isRelisten: input.isRelisten,
          reviewBody: input.body,
          visibility: input.visibility,
        }),
      { effects },
    );
    await effects.run(this.deps.logger);
    return this.view(reviewId!, userId);
  }

  /**
   * Changes the author's review. A new rating also becomes the current album (or track)
   * rating; the diary entry written with an album review follows its date, rating and relisten
   * flag (a date set to null removes that entry, a date on a review without one logs a new
   * entry). A track review keeps its date to itself.
   */
  async update(userId: string, reviewId: string, input: ReviewUpdateInput): Promise<ReviewView> {
    const effects = new AfterCommit();
    await this.deps.transactions.run(
      async (tx) => {
        const review = await this.authored(tx, userId, reviewId);
        const patch: ReviewPatch = {};
        if (input.body !== undefined) {
          assertStorableText(input.body, 'body');
          patch.body = input.body;
        }
        if (input.isRelisten !== undefined) patch.is_relisten = input.isRelisten;
        if (input.visibility !== undefined) patch.visibility = input.visibility;
        if (input.listenedOn !== undefined) patch.listened_on = input.listenedOn;
        if (input.rating !== undefined) {
          patch.rating = input.rating === null ? null : starsToStoredValue(input.rating);
          if (input.rating !== null && review.track_id !== null)
            await this.deps.ratings.rateTrackIn(tx, effects, userId, String(review.track_id), input.rating);
          else if (input.rating !== null) await this.deps.ratings.rateAlbumIn(tx, effects, userId, String(review.album_id), input.rating);
        }
        await this.deps.reviews.update(tx, reviewId, patch);
        if (review.track_id !== null) return;
        await this.deps.diary.followReviewEdit(tx, {
          userId,
          reviewId: String(review.id),
          albumId: String(review.album_id),
          listenedOn: patch.listened_on,
          rating: patch.rating,
          isRelisten: patch.is_relisten,
          before: { rating: review.rating, isRelisten: review.is_relisten },
        });
      },
      { effects },
    );
    await effects.run(this.deps.logger);
    return this.view(reviewId, userId);
  }

  /** Deletes the author's review with its likes and comments; its diary entry stays as a plain listen. */
  async delete(userId: string, reviewId: string): Promise<void> {
    await this.deps.transactions.run(async (tx) => {
      await this.authored(tx, userId, reviewId);
      await this.deps.reviews.delete(tx, reviewId);
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
    const rows = await this.deps.reviews.listForAlbum(albumId, { sort: query.sort, limit: rowsToRead(query.limit), viewerId, after });
    return this.page(rows, query);
  }

  /** A track's reviews the viewer may see, most liked or newest first (404 for a missing track). */
  async listForTrack(trackId: string, query: ReviewListQuery, viewerId: string | null): Promise<Page<ReviewView>> {
    const after = afterFor(query.sort, query.cursor);
    if ((await this.deps.catalog.trackAlbumId(trackId)) === null) throw AppError.notFound('Track');
    const rows = await this.deps.reviews.listForTrack(trackId, { sort: query.sort, limit: rowsToRead(query.limit), viewerId, after });
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
    const rows = await this.deps.reviews.listForUser(String(user.id), { sort: query.sort, limit: rowsToRead(query.limit), viewerId, after });
    return this.page(rows, query);
  }

  private page(rows: ReviewViewRow[], query: { sort: ReviewSort; limit: number }): Page<ReviewView> {
    return toPage(rows, query.limit, presentReview, (last) => cursorFor(query.sort, last));
  }

  private async view(reviewId: string, viewerId: string): Promise<ReviewView> {
    const row = await this.deps.reviews.findView(reviewId, viewerId);
    if (!row) throw AppError.notFound('Review');
    return presentReview(row);
  }

  /** Locks the review for a write by its author; 404 when missing, 403 `not_author` for anyone else. */
  private async authored(tx: Tx, userId: string, reviewId: string): Promise<ReviewOwnerRow> {
    const review = await this.deps.reviews.lockOwner(tx, reviewId);
    if (!review) throw AppError.notFound('Review');
    if (String(review.user_id) !== userId) {
      // Someone the review is withheld from hears it is missing, as on every other path.
      await this.deps.reviewAccess.interactableAuthor(reviewId, userId, tx);
      throw AppError.forbidden('not_author', 'Only the author can change or delete this review.');
    }
    return review;
  }
}
