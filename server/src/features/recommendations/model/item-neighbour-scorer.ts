import { indexInSorted, type ItemNeighbours } from './item-neighbours';
import type { CandidateScores, ProfileScorer, SimilarItem, UserProfile } from './recommendation-model';
import { TopK } from './top-k';

/** Scores a profile as the weighted sum of its items' neighbour similarities. */
export function itemNeighbourScorer(model: ItemNeighbours): ProfileScorer {
  const { indptr, indices, values } = model.similarities;
  const itemCount = model.similarities.rows;
  return {
    method: 'item-knn',
    itemCount,
    score(profile: UserProfile, into: CandidateScores): void {
      for (let n = 0; n < profile.items.length; n += 1) {
        const source = profile.items[n]!;
        const weight = profile.weights[n]!;
        if (weight === 0 || source < 0 || source >= itemCount) continue;
        for (let p = indptr[source]!; p < indptr[source + 1]!; p += 1) {
          const target = indices[p]!;
          if (into.scores[target] === 0) into.items[into.count++] = target;
          into.scores[target] = into.scores[target]! + weight * values[p]!;
          // A sum may land exactly on 0 with signed weights; keep it listed once.
          if (into.scores[target] === 0) into.scores[target] = Number.MIN_VALUE;
        }
      }
    },
    contribution(source: number, weight: number, target: number): number {
      if (source < 0 || source >= itemCount) return 0;
      const at = indexInSorted(indices, indptr[source]!, indptr[source + 1]!, target);
      return at < 0 ? 0 : weight * values[at]!;
    },
    contributions(source: number, weight: number, visit: (target: number, value: number) => void): void {
      if (source < 0 || source >= itemCount) return;
      for (let p = indptr[source]!; p < indptr[source + 1]!; p += 1) visit(indices[p]!, weight * values[p]!);
    },
    similarItems(itemIndex: number, k: number): SimilarItem[] {
      if (itemIndex < 0 || itemIndex >= itemCount) return [];
      const top = new TopK(k);
      for (let p = indptr[itemIndex]!; p < indptr[itemIndex + 1]!; p += 1) top.push(indices[p]!, values[p]!);
      return top.sorted().map(({ item, score }) => ({ itemIndex: item, score }));
    },
  };
}
