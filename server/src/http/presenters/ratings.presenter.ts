import { valueToStars, type RatingHistoryEntry, type RatingResult } from '@muse/shared';
import type { StatsRow } from '../../features/catalog/catalog.read-model';
import { presentStats } from './catalog.presenter';
import type { HistoryRow } from '../../features/ratings/ratings.repo';

/** The viewer's rating (1..10 stored, stars shown) with the item's fresh aggregate. */
export function presentRatingResult(value: number | null, stats: StatsRow | null, priorMean: number): RatingResult {
  return { rating: value === null ? null : valueToStars(value), stats: presentStats(stats, priorMean) };
}

/** One replaced rating, in stars, with when it was given and when a relisten replaced it. */
export function presentHistoryEntry(row: HistoryRow): RatingHistoryEntry {
  return {
    rating: valueToStars(row.value),
    ratedAt: new Date(row.rated_at).toISOString(),
    replacedAt: new Date(row.replaced_at).toISOString(),
  };
}
