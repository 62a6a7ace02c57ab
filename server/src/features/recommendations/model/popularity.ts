import type { CandidateScores, ProfileScorer, SimilarItem, UserProfile } from './recommendation-model';
import type { CsrMatrix } from './sparse-matrix';

/** Each item's popularity: the sum of its positive confidence weights (how many people liked it). */
export function itemPopularity(userItems: CsrMatrix): Float64Array {
  const popularity = new Float64Array(userItems.cols);
  const nnz = userItems.indptr[userItems.rows]!;
  for (let p = 0; p < nnz; p += 1) {
    const w = userItems.values[p]!;
    if (w > 0) popularity[userItems.indices[p]!] = popularity[userItems.indices[p]!]! + w;
  }
  return popularity;
}

/** Item indices by decreasing popularity (ties by index): the fallback order for brand-new users. */
export function popularityOrder(popularity: Float64Array): Int32Array {
  const order = Int32Array.from({ length: popularity.length }, (_, i) => i);
  return order.sort((a, b) => popularity[b]! - popularity[a]! || a - b);
}

/** The same list for everyone: the baseline every personal method must beat. */
export function popularityScorer(popularity: Float64Array): ProfileScorer {
  const order = popularityOrder(popularity);
  return {
    method: 'popularity',
    itemCount: popularity.length,
    score(_profile: UserProfile, into: CandidateScores): void {
      for (let i = 0; i < popularity.length; i += 1) {
        if (popularity[i]! <= 0) continue;
        if (into.scores[i] === 0) into.items[into.count++] = i;
        into.scores[i] = into.scores[i]! + popularity[i]!;
      }
    },
    contribution: () => 0,
    similarItems(itemIndex: number, k: number): SimilarItem[] {
      const out: SimilarItem[] = [];
      for (let n = 0; n < order.length && out.length < k; n += 1)
        if (order[n] !== itemIndex && popularity[order[n]!]! > 0) out.push({ itemIndex: order[n]!, score: popularity[order[n]!]! });
      return out;
    },
  };
}
