import { bayesianAverage, valueToStars } from '@muse/shared';
import type { Config } from '../../config/config';

/** The surge rule's thresholds (TRUST_SURGE_*). */
export interface SurgeRule {
  windowHours: number;
  minRatings: number;
  share: number;
  swingStars: number;
}

/** What the rule looks at: the window's ratings and the album's stable weighted sums. */
export interface SurgeFacts {
  recent: number;
  low: number;
  /** Sum of the low-history ratings' values (1..10). */
  lowSum: number;
  stableWeightSum: number;
  /** Σ weight·value (1..10) of the stable sums. */
  stableWeightedSum: number;
}

export function surgeRule(
  config: Pick<Config, 'TRUST_SURGE_WINDOW_HOURS' | 'TRUST_SURGE_MIN_RATINGS' | 'TRUST_SURGE_SHARE' | 'TRUST_SURGE_SWING_STARS'>,
): SurgeRule {
  return {
    windowHours: config.TRUST_SURGE_WINDOW_HOURS,
    minRatings: config.TRUST_SURGE_MIN_RATINGS,
    share: config.TRUST_SURGE_SHARE,
    swingStars: config.TRUST_SURGE_SWING_STARS,
  };
}

/** The low-history ratings' mean in stars, or null when there are none. */
export function lowHistoryMean(facts: Pick<SurgeFacts, 'low' | 'lowSum'>): number | null {
  return facts.low ? valueToStars(facts.lowSum / facts.low) : null;
}

/**
 * A surge: inside the window at least `minRatings` ratings from low-history accounts, making at
 * least `share` of the window's ratings, whose mean lies `swingStars` or more from the stable
 * weighted score (computed with the same prior as the published one).
 */
export function isSurge(facts: SurgeFacts, rule: SurgeRule, priorMean: number): boolean {
  const mean = lowHistoryMean(facts);
  if (mean === null || facts.low < rule.minRatings || facts.low < rule.share * facts.recent) return false;
  const stable = bayesianAverage(facts.stableWeightSum, valueToStars(facts.stableWeightedSum), priorMean);
  return Math.abs(mean - stable) >= rule.swingStars;
}
