import { valueToStars, type Visibility } from '@muse/shared';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { AfterCommit } from '../../db/after-commit';
import type { Tx } from '../../db/transaction';
import { starsToStoredValue, type RatingsService } from '../ratings/ratings.service';
import { assertStorableText } from '../../lib/storable-text';
import type { DiaryRepo } from './diary.repo';
import type { NewReview } from '../reviews/reviews.repo';

export interface ListenInput {
  /** The album listened to, or the album of `trackId`. */
  albumId: string;
  /**
   * A listen to one track of the album (a track review): the stars rate the track, and no
   * diary entry is written (the diary logs albums); the date stays on the review.
   */
  trackId?: string;
  /** A diary entry is written only with a date (and no track). */
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

/** A review as a listen writes it: the reviews repo's new review. */
export type ListenReview = NewReview;

export interface ListenLogDeps {
  ratings: RatingsService;
  /** Where a listen's review is written, in the listen's transaction (the reviews feature's store). */
  reviews: { insert(tx: Tx, review: ListenReview): Promise<string> };
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
  async write(tx: Tx, effects: AfterCommit, userId: string, input: ListenInput): Promise<ListenWritten> {
    const value = input.stars === null ? null : starsToStoredValue(input.stars);
    if (input.reviewBody) assertStorableText(input.reviewBody, input.reviewPath ?? 'body');
    // A missing album (or author) is a 404 from the repos: it may vanish between the checks and the inserts.
    const rateOptions = { relisten: input.isRelisten, visibility: input.visibility };
    if (input.stars !== null && input.trackId) await this.deps.ratings.rateTrackIn(tx, effects, userId, input.trackId, input.stars, rateOptions);
    else if (input.stars !== null) await this.deps.ratings.rateAlbumIn(tx, effects, userId, input.albumId, input.stars, rateOptions);
    const reviewId = input.reviewBody
      ? await this.deps.reviews.insert(tx, {
          userId,
          albumId: input.albumId,
          trackId: input.trackId ?? null,
          body: input.reviewBody,
          rating: value,
          listenedOn: input.listenedOn,
          isRelisten: input.isRelisten,
          visibility: input.visibility,
        })
      : null;
    const entryId =
      input.listenedOn && !input.trackId
        ? await this.deps.diary.insert(tx, {
            userId,
            albumId: input.albumId,
            listenedOn: input.listenedOn,
            rating: value,
            reviewId,
            isRelisten: input.isRelisten,
          })
        : null;
    this.announce(effects, userId, input, value, { reviewId, entryId });
    return { reviewId, entryId };
  }

  // Without a chosen visibility the activity recorder fills in the author's default.
  private announce(effects: AfterCommit, userId: string, input: ListenInput, value: number | null, written: ListenWritten) {
    const rating = value === null ? null : valueToStars(value);
    const { activity } = this.deps.docs;
    if (written.reviewId) {
      const reviewId = written.reviewId;
      effects.add(() =>
        activity.append({
          actorId: userId,
          type: 'reviewed',
          visibility: input.visibility,
          subject: { kind: 'review', id: reviewId },
          data: { albumId: input.albumId, ...(input.trackId ? { trackId: input.trackId } : {}), rating },
        }),
      );
    }
    if (written.entryId) {
      const data = { entryId: written.entryId, listenedOn: input.listenedOn, rating, isRelisten: input.isRelisten, reviewId: written.reviewId };
      effects.add(() =>
        activity.append({ actorId: userId, type: 'listened', visibility: input.visibility, subject: { kind: 'album', id: input.albumId }, data }),
      );
    }
  }
}
