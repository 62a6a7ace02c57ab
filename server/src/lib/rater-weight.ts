import type { Config } from '../config/config';

/**
 * Who counts with full weight in an album's weighted score: an account at least
 * `minAccountDays` old with at least `minRatings` album ratings (other than the one written).
 * Everyone else counts with `reducedWeight` (0 to 1). The raw count and histogram ignore weights.
 */
export interface RaterWeightRule {
  minAccountDays: number;
  minRatings: number;
  reducedWeight: number;
}

/** The rule as the configuration sets it (TRUST_MIN_ACCOUNT_DAYS, TRUST_MIN_RATINGS, TRUST_REDUCED_WEIGHT). */
export function raterWeightRule(config: Pick<Config, 'TRUST_MIN_ACCOUNT_DAYS' | 'TRUST_MIN_RATINGS' | 'TRUST_REDUCED_WEIGHT'>): RaterWeightRule {
  return { minAccountDays: config.TRUST_MIN_ACCOUNT_DAYS, minRatings: config.TRUST_MIN_RATINGS, reducedWeight: config.TRUST_REDUCED_WEIGHT };
}
