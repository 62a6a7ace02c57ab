import type { Knex } from 'knex';
import { valueToStars, type Visibility } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { isPgError, PG } from '../../db/pg-errors';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { AfterCommit } from '../../db/after-commit';
import { starsToStoredValue, type RatingsService } from '../ratings/ratings.service';
import type { ReviewsRepo } from '../reviews/reviews.repo';
import { assertStorableText } from '../../lib/storable-text';
import type { DiaryRepo } from './diary.repo';

export interface ListenInput {
  albumId: string;
  /** A diary entry is written only with a date. */
  listenedOn: string | null;
  /** Stars; also becomes the current rating. */
  stars: number | null;
  isRelisten: boolean;
  /** A review is written only with text. */
  reviewBody: string | null;
  /** The field the review text came in, for error messages (`body` unless told). */
  reviewPath?: string;
  /** Who sees the listen in feeds; the author's default when absent. */
  visibility?: Visibility;
}

export interface ListenWritten {
  reviewId: string | null;
  entryId: string | null;
}

export interface ListenLogDeps {
  ratings: RatingsService;
  reviews: ReviewsRepo;
  diary: DiaryRepo;
  docs: DocumentStore;
}

/**
 * What one listen produces (current rating, review, diary entry), written together in the
 * caller's transaction so that none of them exists without the others. Diary entries and
 * reviews both come through here.
 */
export class ListenLog {
  constructor(private readonly deps: ListenLogDeps) {}

  /** Writes the listen; a missing album is a 404 `not_found`, a bad rating a 400. */
  async write(trx: Knex.Transaction, effects: AfterCommit, userId: string, input: ListenInput): Promise<ListenWritten> {
    const value = input.stars === null ? null : starsToStoredValue(input.stars);
    if (input.reviewBody) assertStorableText(input.reviewBody, input.reviewPath ?? 'body');
    try {
      if (input.stars !== null) await this.deps.ratings.rateAlbumIn(trx, effects, userId, input.albumId, input.stars, { relisten: input.isRelisten, visibility: input.visibility });
      const reviewId = input.reviewBody
        ? await this.deps.reviews.insert(trx, { userId, albumId: input.albumId, body: input.reviewBody, rating: value, listenedOn: input.listenedOn, isRelisten: input.isRelisten, visibility: input.visibility })
        : null;
      const entryId = input.listenedOn
        ? await this.deps.diary.insert(trx, { userId, albumId: input.albumId, listenedOn: input.listenedOn, rating: value, reviewId, isRelisten: input.isRelisten })
        : null;
      this.announce(effects, userId, input, value, { reviewId, entryId });
      return { reviewId, entryId };
    } catch (err) {
      // The album (or the author's account) vanished between the checks and the insert.
      if (isPgError(err) && err.code === PG.foreignKeyViolation) throw AppError.notFound('Album');
      throw err;
    }
  }

  // Without a chosen visibility the activity recorder fills in the author's default.
  private announce(effects: AfterCommit, userId: string, input: ListenInput, value: number | null, written: ListenWritten) {
    const rating = value === null ? null : valueToStars(value);
    const { activity } = this.deps.docs;
    if (written.reviewId) {
      const reviewId = written.reviewId;
      effects.add(() => activity.append({ actorId: userId, type: 'reviewed', visibility: input.visibility, subject: { kind: 'review', id: reviewId }, data: { albumId: input.albumId, rating } }));
    }
    if (written.entryId) {
      const data = { entryId: written.entryId, listenedOn: input.listenedOn, rating, isRelisten: input.isRelisten, reviewId: written.reviewId };
      effects.add(() => activity.append({ actorId: userId, type: 'listened', visibility: input.visibility, subject: { kind: 'album', id: input.albumId }, data }));
    }
  }
}

