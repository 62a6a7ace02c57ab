import { PickExplainer } from './pick-explainer';
import { itemPopularity, popularityOrder } from './popularity';
import type { CandidateScores, ProfileScorer, Recommendation, RecommendationModel, RecommendOptions, SimilarItem, UserProfile } from './recommendation-model';
import { mix32 } from '../../../lib/seeded-random';
import type { CsrMatrix } from './sparse-matrix';
import { TopK } from './top-k';

/** How the collaborative scores, content scores and popularity are blended. */
export interface BlendOptions {
  /** Share of the content score for people with a full profile (0 .. 1). */
  contentWeight: number;
  /** Below this many profile items the content share grows towards 1 (cold users). */
  coldProfileSize: number;
  /** Share of popularity (normalised to the most popular item) mixed into every score. */
  popularityWeight: number;
  /**
   * Scores are multiplied by (1 + popularity)^-popularityDiscount: above 0, long-tail items
   * rise against what everyone already knows (more of the catalogue gets recommended).
   */
  popularityDiscount: number;
  /** Profile items named in each recommendation's `because` at most. */
  becauseCount: number;
}

export const DEFAULT_BLEND_OPTIONS: BlendOptions = { contentWeight: 0.1, coldProfileSize: 5, popularityWeight: 0, popularityDiscount: 0.2, becauseCount: 3 };

export interface RecommenderParts {
  userItems: CsrMatrix;
  collaborative: ProfileScorer;
  /** Content scorer over the same item indices (neighbours by attributes, see content-neighbours.ts), if features are known. */
  content?: ProfileScorer;
  blend?: Partial<BlendOptions>;
}

/**
 * Assembles a model from a collaborative scorer: removes profile and excluded items, blends in
 * content (more for cold users) and popularity, fills short lists from popularity (brand-new
 * users get the popular list), and names the profile items behind each recommendation.
 */
export function createRecommender(parts: RecommenderParts): RecommendationModel {
  const { userItems, collaborative, content } = parts;
  const blend = { ...DEFAULT_BLEND_OPTIONS, ...parts.blend };
  const itemCount = userItems.cols;
  const popularity = itemPopularity(userItems);
  const fallbackOrder = popularityOrder(popularity);
  const discount = new Float64Array(itemCount);
  for (let i = 0; i < itemCount; i += 1) discount[i] = Math.pow(1 + popularity[i]!, -blend.popularityDiscount);
  let maxPopularity = 0;
  for (const p of popularity) maxPopularity = Math.max(maxPopularity, p);

  const cf: CandidateScores = { items: new Int32Array(itemCount), count: 0, scores: new Float64Array(itemCount) };
  const cb: CandidateScores = { items: new Int32Array(itemCount), count: 0, scores: new Float64Array(itemCount) };
  const skipStamp = new Int32Array(itemCount);
  let stamp = 0;
  const explainer = new PickExplainer(itemCount);

  const reset = (c: CandidateScores): void => {
    for (let n = 0; n < c.count; n += 1) c.scores[c.items[n]!] = 0;
    c.count = 0;
  };
  const maxOf = (c: CandidateScores): number => {
    let max = 0;
    for (let n = 0; n < c.count; n += 1) max = Math.max(max, c.scores[c.items[n]!]!);
    return max;
  };

  const profileOf = (userIndex: number): UserProfile => {
    if (!Number.isInteger(userIndex) || userIndex < 0 || userIndex >= userItems.rows) return { items: [], weights: [] };
    const start = userItems.indptr[userIndex]!;
    const end = userItems.indptr[userIndex + 1]!;
    return { items: userItems.indices.subarray(start, end), weights: userItems.values.subarray(start, end) };
  };

  const recommendForProfile = (profile: UserProfile, options: RecommendOptions): Recommendation[] => {
    const k = Math.max(0, Math.floor(options.k));
    if (k === 0) return [];
    stamp += 1;
    for (let n = 0; n < profile.items.length; n += 1) {
      const item = profile.items[n]!;
      if (item >= 0 && item < itemCount) skipStamp[item] = stamp;
    }
    for (const item of options.exclude ?? []) if (item >= 0 && item < itemCount) skipStamp[item] = stamp;
    const tieKey = (item: number): number => (options.seed === undefined ? item : mix32(options.seed ^ mix32(item)));

    let positives = 0;
    for (let n = 0; n < profile.weights.length; n += 1) if (profile.weights[n]! > 0) positives += 1;
    collaborative.score(profile, cf);
    if (content && positives > 0) content.score(profile, cb);
    const cfMax = maxOf(cf);
    const cbMax = maxOf(cb);
    const coldShare = blend.coldProfileSize > 0 ? Math.max(0, 1 - positives / blend.coldProfileSize) : 0;
    const contentShare = cbMax > 0 ? (cfMax > 0 ? Math.max(blend.contentWeight, coldShare) : 1) : 0;
    const cfScale = cfMax > 0 ? (1 - contentShare) / cfMax : 0;
    const cbScale = cbMax > 0 ? contentShare / cbMax : 0;
    const popScale = maxPopularity > 0 ? blend.popularityWeight / maxPopularity : 0;

    const top = new TopK(k);
    const offer = (item: number): void => {
      if (skipStamp[item] === stamp) return;
      const score = (cfScale * cf.scores[item]! + cbScale * cb.scores[item]! + popScale * popularity[item]!) * discount[item]!;
      // A candidate whose blended score is not positive is left to the popularity fill.
      if (score > 0 && Number.isFinite(score) && top.admits(score)) top.push(item, score, tieKey(item));
    };
    for (let n = 0; n < cf.count; n += 1) offer(cf.items[n]!);
    for (let n = 0; n < cb.count; n += 1) if (cf.scores[cb.items[n]!] === 0) offer(cb.items[n]!);
    if (popScale > 0 && top.count < k) for (let n = 0; n < fallbackOrder.length && top.count < k; n += 1) offer(fallbackOrder[n]!);

    const picked: Recommendation[] = top.sorted().map(({ item, score }) => ({ itemIndex: item, score, because: [] }));
    for (const item of picked) skipStamp[item.itemIndex] = stamp;
    // Short list: fill from popularity, scored below every personal pick.
    for (let n = 0; n < fallbackOrder.length && picked.length < k; n += 1) {
      const item = fallbackOrder[n]!;
      if (skipStamp[item] === stamp) continue;
      skipStamp[item] = stamp;
      picked.push({ itemIndex: item, score: 0, because: [] });
    }

    if (options.explain !== false)
      explainer.explain(
        profile,
        picked,
        [{ scorer: collaborative, scale: cfScale }, ...(content ? [{ scorer: content, scale: cbScale }] : [])],
        blend.becauseCount,
      );
    reset(cf);
    reset(cb);
    return picked;
  };

  return {
    method: content ? `${collaborative.method}+content` : collaborative.method,
    userCount: userItems.rows,
    itemCount,
    profileOf,
    recommend: (userIndex, options) => recommendForProfile(profileOf(userIndex), options),
    recommendForProfile,
    similarItems(itemIndex: number, k: number): SimilarItem[] {
      const found = collaborative.similarItems(itemIndex, k);
      if (found.length >= k || !content) return found;
      // Items with too few ratings for neighbours fall back on their attributes.
      const seen = new Set(found.map((f) => f.itemIndex));
      const floor = found.length ? found[found.length - 1]!.score : 1;
      for (const more of content.similarItems(itemIndex, k)) {
        if (found.length >= k) break;
        if (!seen.has(more.itemIndex)) found.push({ itemIndex: more.itemIndex, score: floor * 0.5 * more.score });
      }
      return found;
    },
  };
}
