import type { CandidateScores, ProfileScorer, SimilarItem, UserProfile } from './recommendation-model';
import type { CsrMatrix } from './sparse-matrix';
import { TopK } from './top-k';

/** Options of EASE (Steck 2019): a dense item-item model with a closed-form solution. */
export interface EaseOptions {
  /** L2 regularisation added to the Gram matrix's diagonal. */
  regularization: number;
  /**
   * Items the dense model may hold at most (items² × 8 bytes and items³ operations): 50,000
   * items would need 20 GB, so above this the most rated items are kept and the rest get no
   * collaborative score.
   */
  maxItems: number;
}

export const DEFAULT_EASE_OPTIONS: EaseOptions = { regularization: 200, maxItems: 4000 };

/** The learnt weights B over a subset of the items (dense, row-major, zero diagonal). */
export interface EaseModel {
  /** Item index of each dense position. */
  readonly items: Int32Array;
  /** Dense position of each item index, -1 when the item is not in the model. */
  readonly positionOf: Int32Array;
  readonly weights: Float64Array;
}

/** Inverts a symmetric positive definite matrix in place (Gauss-Jordan, no pivoting needed). */
function invertInPlace(a: Float64Array, n: number): void {
  for (let k = 0; k < n; k += 1) {
    const rowK = k * n;
    const inverse = 1 / a[rowK + k]!;
    a[rowK + k] = 1;
    for (let j = 0; j < n; j += 1) a[rowK + j] = a[rowK + j]! * inverse;
    for (let i = 0; i < n; i += 1) {
      if (i === k) continue;
      const rowI = i * n;
      const factor = a[rowI + k]!;
      if (factor === 0) continue;
      a[rowI + k] = 0;
      for (let j = 0; j < n; j += 1) a[rowI + j] = a[rowI + j]! - factor * a[rowK + j]!;
    }
  }
}

/** Trains EASE on the most rated items of a users × items confidence matrix. */
export function trainEase(userItems: CsrMatrix, options: EaseOptions = DEFAULT_EASE_OPTIONS): EaseModel {
  const counts = new Float64Array(userItems.cols);
  for (let p = 0; p < userItems.indptr[userItems.rows]!; p += 1) counts[userItems.indices[p]!] = counts[userItems.indices[p]!]! + 1;
  const ranked = Int32Array.from({ length: userItems.cols }, (_, i) => i)
    .filter((i) => counts[i]! > 0)
    .sort((a, b) => counts[b]! - counts[a]! || a - b);
  const items = ranked.slice(0, options.maxItems).sort();
  const n = items.length;
  const positionOf = new Int32Array(userItems.cols).fill(-1);
  items.forEach((item, position) => (positionOf[item] = position));

  const g = new Float64Array(n * n);
  const rowPositions = new Int32Array(userItems.cols);
  const rowValues = new Float64Array(userItems.cols);
  for (let u = 0; u < userItems.rows; u += 1) {
    let m = 0;
    for (let p = userItems.indptr[u]!; p < userItems.indptr[u + 1]!; p += 1) {
      const position = positionOf[userItems.indices[p]!]!;
      if (position < 0 || userItems.values[p] === 0) continue;
      rowPositions[m] = position;
      rowValues[m] = userItems.values[p]!;
      m += 1;
    }
    for (let x = 0; x < m; x += 1) {
      const row = rowPositions[x]! * n;
      const vx = rowValues[x]!;
      for (let y = 0; y < m; y += 1) g[row + rowPositions[y]!] = g[row + rowPositions[y]!]! + vx * rowValues[y]!;
    }
  }
  for (let i = 0; i < n; i += 1) g[i * n + i] = g[i * n + i]! + options.regularization;
  invertInPlace(g, n);
  // B = I − P · diag(1 / diag(P)): column j divided by −P_jj, diagonal 0.
  const diagonal = new Float64Array(n);
  for (let j = 0; j < n; j += 1) diagonal[j] = g[j * n + j]!;
  for (let i = 0; i < n; i += 1) {
    const row = i * n;
    for (let j = 0; j < n; j += 1) g[row + j] = i === j ? 0 : -g[row + j]! / diagonal[j]!;
  }
  return { items, positionOf, weights: g };
}

/** Scores the model's items as the profile row times B. */
export function easeScorer(model: EaseModel, itemCount: number): ProfileScorer {
  const n = model.items.length;
  const { weights, positionOf, items } = model;
  return {
    method: 'ease',
    itemCount,
    score(profile: UserProfile, into: CandidateScores): void {
      for (let k = 0; k < profile.items.length; k += 1) {
        const source = profile.items[k]!;
        const weight = profile.weights[k]!;
        const position = source >= 0 && source < itemCount ? positionOf[source]! : -1;
        if (weight === 0 || position < 0) continue;
        const row = position * n;
        for (let j = 0; j < n; j += 1) {
          const value = weights[row + j]!;
          if (value === 0) continue;
          const target = items[j]!;
          if (into.scores[target] === 0) into.items[into.count++] = target;
          into.scores[target] = into.scores[target]! + weight * value;
          if (into.scores[target] === 0) into.scores[target] = Number.MIN_VALUE;
        }
      }
    },
    contribution(source: number, weight: number, target: number): number {
      const a = source >= 0 && source < itemCount ? positionOf[source]! : -1;
      const b = target >= 0 && target < itemCount ? positionOf[target]! : -1;
      return a < 0 || b < 0 ? 0 : weight * weights[a * n + b]!;
    },
    similarItems(itemIndex: number, k: number): SimilarItem[] {
      const position = itemIndex >= 0 && itemIndex < itemCount ? positionOf[itemIndex]! : -1;
      if (position < 0) return [];
      const top = new TopK(k);
      for (let j = 0; j < n; j += 1) if (j !== position && weights[position * n + j]! > 0) top.push(items[j]!, weights[position * n + j]!);
      return top.sorted().map(({ item, score }) => ({ itemIndex: item, score }));
    },
  };
}
