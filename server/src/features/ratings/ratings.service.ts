import { StarsSchema, starsToValue, valueToStars, type RatingResult, type RatingStats, type Visibility } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import { presentStats } from '../../http/presenters/catalog.presenter';
import { AfterCommit } from '../../db/after-commit';
import type { Transactions, Tx } from '../../db/transaction';
import type { PriorMeanCache } from '../../lib/prior-mean.cache';
import { presentRatingResult } from '../../http/presenters/ratings.presenter';
import type { RatedItem, RatingsRepo, UpsertResult } from './ratings.repo';

export interface RatingsServiceDeps {
  transactions: Transactions;
  repo: RatingsRepo;
  priorMean: PriorMeanCache;
  docs: DocumentStore;
  events: DomainEventPublisher;
  logger: Logger;
  /** Asks for the charts to be recomputed soon; repeated asks are merged. */
  requestChartsRefresh(): Promise<void>;
  /** Runs the surge rule on an album after a rating from a low-history account changed it. */
  checkSurge(albumId: string): Promise<void>;
  /** The pre-release embargo: the date until which the album's aggregate is hidden, or null. */
  embargoedUntil(albumId: string): Promise<string | null>;
}

/** Whether a written rating has the surge rule look at its album (a changed album rating from a low-history account). */
const surgeChecked = (item: RatedItem, written: UpsertResult): boolean => item === 'album' && written.changed && !written.established;

/** What an embargoed album's aggregate shows: nothing, as if nobody had rated it yet. */
const embargoedStats = (): RatingStats => presentStats(null, 0);

export interface RateOptions {
  /** A relisten keeps a different earlier rating in the history instead of forgetting it. */
  relisten?: boolean;
  /** When the rating was given (imports); now by default. */
  ratedAt?: Date;
  /** Who sees the `rated` activity; the activity recorder fills the rater's default when absent. */
  visibility?: Visibility;
}

const NAMES: Record<RatedItem, string> = { album: 'Album', track: 'Track' };

/** Turns stars into the stored 1..10 value, refusing anything that is not a half star in range. */
export function starsToStoredValue(stars: number): number {
  const parsed = StarsSchema.safeParse(stars);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Rating must be a number of stars from 0.5 to 5';
    throw AppError.badRequest('rating_out_of_range', message, [{ path: 'rating', message }]);
  }
  return starsToValue(parsed.data);
}

/**
 * Ratings of albums and tracks: one current rating per user and item, history on relistens.
 * Aggregates follow through triggers in the same transaction; after commit the album's
 * watchers are told and the activity log gets a `rated` event.
 */
export class RatingsService {
  constructor(private readonly deps: RatingsServiceDeps) {}

  /** Sets the user's current rating of an album (404 `not_found` when the album is missing). */
  async rateAlbum(userId: string, albumId: string, stars: number, options: RateOptions = {}): Promise<RatingResult> {
    return this.rate('album', userId, albumId, stars, options);
  }

  /** Removes the user's rating of an album; harmless when there was none. */
  async removeAlbumRating(userId: string, albumId: string): Promise<RatingResult> {
    return this.remove('album', userId, albumId);
  }

  /** Sets the user's current rating of a track (404 `not_found` when the track is missing). */
  async rateTrack(userId: string, trackId: string, stars: number): Promise<RatingResult> {
    return this.rate('track', userId, trackId, stars, {});
  }

  async removeTrackRating(userId: string, trackId: string): Promise<RatingResult> {
    return this.remove('track', userId, trackId);
  }

  /**
   * Rates an album inside the caller's transaction (diary entries and reviews that carry a
   * rating); the announcements go to `effects`, to be run once the caller has committed.
   */
  async rateAlbumIn(tx: Tx, effects: AfterCommit, userId: string, albumId: string, stars: number, options: RateOptions = {}): Promise<void> {
    await this.writeRating(tx, effects, 'album', userId, albumId, starsToStoredValue(stars), options);
  }

  /** Rates a track inside the caller's transaction (track reviews that carry a rating), like `rateAlbumIn`. */
  async rateTrackIn(tx: Tx, effects: AfterCommit, userId: string, trackId: string, stars: number, options: RateOptions = {}): Promise<void> {
    await this.writeRating(tx, effects, 'track', userId, trackId, starsToStoredValue(stars), options);
  }

  /** An album's aggregate as the album page and its live updates show it. */
  async albumStats(albumId: string): Promise<RatingStats> {
    // The real-time dispatcher calls this after every rating: the repo's prepared read keeps it cheap.
    const [row, prior, embargoed] = await Promise.all([this.deps.repo.stats('album', albumId), this.deps.priorMean.get(), this.deps.embargoedUntil(albumId)]);
    return embargoed ? embargoedStats() : presentStats(row, prior);
  }

  private async rate(item: RatedItem, userId: string, itemId: string, stars: number, options: RateOptions): Promise<RatingResult> {
    const value = starsToStoredValue(stars);
    if (options.relisten) return this.rateInTransaction(item, userId, itemId, value, options);
    // A plain rating is one autocommitted statement whose triggers move the aggregate in the
    // same commit: no BEGIN/COMMIT round trips, and the foreign key stands in for an existence check.
    const written = await this.deps.repo.upsertAlone(item, userId, itemId, value, options.ratedAt ?? null);
    const effects = new AfterCommit();
    if (written.changed) this.announce(effects, item, userId, itemId, value, options.visibility, written);
    return this.answer(item, itemId, value, effects, surgeChecked(item, written));
  }

  /** A relisten reads and locks the current rating to move it to the history, so it keeps its transaction. */
  private async rateInTransaction(item: RatedItem, userId: string, itemId: string, value: number, options: RateOptions): Promise<RatingResult> {
    const effects = new AfterCommit();
    const written = await this.deps.transactions.run((tx) => this.writeRating(tx, effects, item, userId, itemId, value, options), { effects });
    return this.answer(item, itemId, value, effects, surgeChecked(item, written));
  }

  /**
   * Reads the committed aggregate while the announcements go out, all at once: the answer waits
   * for the slowest of them rather than their sum, and still only comes once the activity is
   * stored, so the user's next request (deleting the account included) sees it. When the surge
   * rule looks at the album, the aggregate is read after it: a hold it puts on the score goes to
   * the album's watchers live, and an answer read before the hold would reach the rater's page
   * after that live update and show the score as if nothing were held.
   */
  private async answer(item: RatedItem, itemId: string, value: number, effects: AfterCommit, afterEffects: boolean): Promise<RatingResult> {
    const announced = effects.runTogether(this.deps.logger);
    if (afterEffects) await announced;
    const [stats, prior, embargoed] = await Promise.all([
      this.deps.repo.stats(item, itemId),
      this.deps.priorMean.get(),
      item === 'album' ? this.deps.embargoedUntil(itemId) : null,
      announced,
    ]);
    return embargoed ? { rating: valueToStars(value), stats: embargoedStats() } : presentRatingResult(value, stats, prior);
  }

  private async writeRating(tx: Tx, effects: AfterCommit, item: RatedItem, userId: string, itemId: string, value: number, options: RateOptions) {
    const { repo } = this.deps;
    if (!(await repo.itemExists(item, itemId, tx))) throw AppError.notFound(NAMES[item]);
    if (options.relisten) {
      // The lock makes a concurrent relisten wait and then see this one's result, so each
      // replaced value is written to the history exactly once.
      const current = await repo.lockCurrent(tx, item, userId, itemId);
      if (current && current.value !== value) {
        await repo.insertHistory(tx, { userId, item, itemId, value: current.value, ratedAt: current.updated_at, replacedAt: options.ratedAt ?? new Date() });
      }
    }
    const written = await repo.upsert(tx, item, userId, itemId, value, options.ratedAt ?? null);
    if (written.changed) this.announce(effects, item, userId, itemId, value, options.visibility, written);
    return written;
  }

  /**
   * Queues what a changed rating tells others: the album's watchers and the activity log; a
   * rating from a low-history account also has the surge rule look at the album.
   */
  private announce(
    effects: AfterCommit,
    item: RatedItem,
    userId: string,
    itemId: string,
    value: number,
    visibility: Visibility | undefined,
    written: UpsertResult,
  ): void {
    if (item === 'album') this.albumStatsChanged(effects, itemId);
    if (surgeChecked(item, written)) effects.add(() => this.deps.checkSurge(itemId));
    // `docs.activity` is the activity recorder: it fills the default visibility and fans the activity out.
    effects.add(() =>
      this.deps.docs.activity.append({
        actorId: userId,
        type: 'rated',
        visibility,
        subject: { kind: item, id: itemId },
        data: { rating: valueToStars(value) },
      }),
    );
  }

  /** The album's watchers hear of it at once; the charts follow after a short delay. */
  private albumStatsChanged(effects: AfterCommit, albumId: string): void {
    effects.add(() => this.deps.events.publish({ type: 'album.stats_changed', albumId }));
    effects.add(() => this.deps.requestChartsRefresh());
  }

  private async remove(item: RatedItem, userId: string, itemId: string): Promise<RatingResult> {
    const { repo } = this.deps;
    const effects = new AfterCommit();
    const stats = await this.deps.transactions.run(
      async (tx) => {
        if (!(await repo.itemExists(item, itemId, tx))) throw AppError.notFound(NAMES[item]);
        const removed = await repo.remove(tx, item, userId, itemId);
        if (removed !== null && item === 'album') this.albumStatsChanged(effects, itemId);
        return repo.stats(item, itemId, tx);
      },
      { effects },
    );
    await effects.run(this.deps.logger);
    if (item === 'album' && (await this.deps.embargoedUntil(itemId))) return { rating: null, stats: embargoedStats() };
    return presentRatingResult(null, stats, await this.deps.priorMean.get());
  }
}
