/** Fewer shared ratings than this say too little to score taste compatibility. */
export const MIN_SHARED_FOR_SCORE = 3;
/** The largest possible difference between two ratings, in stars (5 − 0.5): a compatibility of 0. */
export const MAX_DIFF_STARS = 4.5;
