/* Stars as stored, and the constants of the published scores and charts. */

/** 0.5..5 stars → 1..10. */
export const starsToValue = (stars: number): number => Math.round(stars * 2);
/** 1..10 → 0.5..5 stars. */
export const valueToStars = (value: number): number => value / 2;

/**
 * Bayesian average used by charts: (C·m + Σ) / (C + n), in stars, where n and Σ are an album's
 * rating count and sum (in stars), m is the mean of all album ratings and C the prior weight.
 * The published weighted score passes the sum of the raters' weights as n and the weighted sum
 * Σ wᵢ·sᵢ as Σ (README "Scores").
 */
export const CHART_PRIOR_WEIGHT = 10;
/** Albums need at least this many ratings to enter a top chart. */
export const CHART_MIN_COUNT = 3;

export function bayesianAverage(count: number, sumStars: number, priorMean: number, priorWeight = CHART_PRIOR_WEIGHT): number {
  return (priorWeight * priorMean + sumStars) / (priorWeight + count);
}

/**
 * The community growers chart lists an album only when at least this many people rated it again
 * after a relisten: below that, one enthusiast's second opinion would top the chart.
 */
export const GROWERS_MIN_PAIRS = 3;
