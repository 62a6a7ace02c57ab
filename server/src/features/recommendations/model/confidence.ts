/**
 * Turns explicit ratings (any numeric scale) and diary listens into implicit confidence weights,
 * the input of every collaborative method here.
 */

/** The rating scale: lowest and highest rating a user can give. */
export interface RatingScale {
  min: number;
  max: number;
}

/**
 * How a rating becomes a weight:
 * - `binary`: every rated item counts 1 (a rating is a sign of interest, whatever its value);
 * - `graded`: 0.25 for the lowest rating up to 1 for the highest (low ratings count, less);
 * - `positive`: ratings in the upper half count 1, the lower half are left out (weight 0);
 * - `signed`: -1 .. +1 around the middle of the scale (a low rating pushes similar items away).
 */
export type ConfidenceScheme = 'binary' | 'graded' | 'positive' | 'signed';

export const CONFIDENCE_SCHEMES: readonly ConfidenceScheme[] = ['binary', 'graded', 'positive', 'signed'];

/** The weight of one rating under a scheme; 0 means "rated, but no signal either way". */
export function ratingConfidence(rating: number, scale: RatingScale, scheme: ConfidenceScheme): number {
  const span = scale.max - scale.min;
  const position = span > 0 ? Math.min(1, Math.max(0, (rating - scale.min) / span)) : 1;
  switch (scheme) {
    case 'binary':
      return 1;
    case 'graded':
      return 0.25 + 0.75 * position;
    case 'positive':
      return position >= 0.5 ? 1 : 0;
    case 'signed':
      return 2 * position - 1;
  }
}

/**
 * The weight of diary listens of an item the user may also have rated: each logged listen is a
 * positive signal with diminishing returns (the 10th listen says less than the 1st).
 */
export function listenConfidence(listens: number, perListen = 0.5): number {
  return listens > 0 ? perListen * Math.log2(1 + listens) : 0;
}
