import type { AggregateView, AlbumAggregate, RatingStats } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { presentStats } from '../../http/presenters/catalog.presenter';
import type { AggregateEmbargo } from '../../lib/aggregate-embargo';
import type { PriorMeanCache } from '../../lib/prior-mean.cache';
import { MAX_DIFF_STARS, MIN_SHARED_FOR_SCORE } from '../../lib/taste-compatibility';
import { VIEW_LIMITS, type AlbumAggregateRepo, type ViewStatsRow } from './album-aggregate.repo';

export interface AlbumAggregateServiceDeps {
  repo: AlbumAggregateRepo;
  priorMean: PriorMeanCache;
  embargo: Pick<AggregateEmbargo, 'untilDate'>;
  /** The published aggregate (weighted, held or not), as the album page shows it. */
  everyone(albumId: string): Promise<RatingStats>;
  /** TRUST_TASTE_MIN_COMPATIBILITY. */
  tasteMinCompatibility: number;
}

/**
 * The switchable views of an album's aggregate: everyone (the weighted default) and established
 * accounts only come from the stats row the triggers keep; people I follow and people with my
 * taste are computed on request over bounded samples (VIEW_LIMITS) and count only ratings the
 * viewer may see.
 */
export class AlbumAggregateService {
  constructor(private readonly deps: AlbumAggregateServiceDeps) {}

  /** 404 for an unknown album; 401 for the follow and taste views when signed out. */
  async view(albumId: string, viewerId: string | null, view: AggregateView): Promise<AlbumAggregate> {
    const { repo } = this.deps;
    if ((view === 'following' || view === 'taste') && !viewerId)
      throw AppError.unauthenticated('Sign in to see the ratings of people you follow or share a taste with.');
    const established = await repo.established(albumId);
    if (!established) throw AppError.notFound('Album');
    const embargoedUntil = this.deps.embargo.untilDate(established.release_date);
    const base = { view, heldSince: null, sampleLimit: null, embargoedUntil };
    if (embargoedUntil) return { ...base, ...this.present(null) };
    switch (view) {
      case 'everyone': {
        const stats = await this.deps.everyone(albumId);
        return { ...base, count: stats.count, histogram: stats.histogram, mean: stats.mean, weighted: stats.weighted, heldSince: stats.heldSince ?? null };
      }
      case 'established':
        return {
          ...base,
          ...this.present(
            established.established_count === null
              ? null
              : { count: established.established_count, sum: established.established_sum ?? 0, histogram: established.established_histogram ?? [] },
            await this.deps.priorMean.get(),
          ),
        };
      case 'following':
        return { ...base, sampleLimit: VIEW_LIMITS.follows, ...this.present(await repo.following(viewerId!, albumId), await this.deps.priorMean.get()) };
      case 'taste': {
        const taste = { minScore: this.deps.tasteMinCompatibility, minShared: MIN_SHARED_FOR_SCORE, maxDiffStars: MAX_DIFF_STARS };
        return { ...base, sampleLimit: VIEW_LIMITS.tasteRaters, ...this.present(await repo.taste(viewerId!, albumId, taste), await this.deps.priorMean.get()) };
      }
    }
  }

  /** Every rating at full weight: a plain Bayesian average beside the count and histogram. */
  private present(row: ViewStatsRow | null, priorMean = 0) {
    const { count, histogram, mean, weighted } = presentStats(row, priorMean);
    return { count, histogram, mean, weighted };
  }
}
