import type { CsrMatrix } from './sparse-matrix';

/** What a model is trained from: users × items confidence weights (see confidence.ts). */
export interface Interactions {
  readonly userItems: CsrMatrix;
}

/** The items a user has interacted with and how strongly (what `recommend` works from). */
export interface UserProfile {
  readonly items: ArrayLike<number>;
  readonly weights: ArrayLike<number>;
}

/** One recommended item, with the profile items that contributed most to it (best first). */
export interface Recommendation {
  itemIndex: number;
  score: number;
  because: number[];
}

export interface RecommendOptions {
  /** How many items to return at most. */
  k: number;
  /** Items never to return besides the profile's own (dismissed, logged, by a muted artist...). */
  exclude?: ReadonlySet<number>;
  /** Breaks ties between equal scores deterministically; the same seed gives the same list. */
  seed?: number;
  /** Whether to name the `because` items (on by default; the offline evaluation skips it). */
  explain?: boolean;
}

export interface SimilarItem {
  itemIndex: number;
  score: number;
}

/**
 * A trained model. Profiles are the users' rows of the training matrix, or any other profile
 * (a user who rated since the last rebuild is scored without retraining).
 */
export interface RecommendationModel {
  readonly method: string;
  readonly userCount: number;
  readonly itemCount: number;
  /** The training profile of a user (empty for an index out of range). */
  profileOf(userIndex: number): UserProfile;
  /** Top-k items for a training user, never one of their profile items or an excluded one. */
  recommend(userIndex: number, options: RecommendOptions): Recommendation[];
  /** Top-k items for any profile, never one of its items or an excluded one. */
  recommendForProfile(profile: UserProfile, options: RecommendOptions): Recommendation[];
  /** The items most similar to one item, best first, never the item itself. */
  similarItems(itemIndex: number, k: number): SimilarItem[];
}

/**
 * Sparse scores of candidate items for a profile: `items[0..count)` with `scores` indexed by
 * item. A scorer may touch every item (dense methods) or only a few (neighbour methods).
 */
export interface CandidateScores {
  items: Int32Array;
  count: number;
  scores: Float64Array;
}

/** What each collaborative method provides; recommendation.ts does the rest. */
export interface ProfileScorer {
  readonly method: string;
  readonly itemCount: number;
  /** Adds the profile's scores into `into` (scores start at 0, `items` lists touched items). */
  score(profile: UserProfile, into: CandidateScores): void;
  /** How much profile item `source` (with weight) contributed to `target`'s score. */
  contribution(source: number, weight: number, target: number): number;
  /**
   * Every nonzero contribution of profile item `source` (with weight), target by target, when the
   * method can list them cheaply (neighbour rows): explanations then cost profile × neighbours.
   */
  contributions?(source: number, weight: number, visit: (target: number, value: number) => void): void;
  /** Items most similar to one item, best first. */
  similarItems(itemIndex: number, k: number): SimilarItem[];
}
