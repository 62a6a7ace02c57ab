import { NeighbourRowsBuilder } from './neighbour-rows';
import { SparseAccumulator } from './sparse-accumulator';
import { type CsrMatrix, transpose } from './sparse-matrix';
import { TopK } from './top-k';

/** Options of the item-based neighbour model. */
export interface ItemNeighbourOptions {
  /** Neighbours kept per item (the rest of the similarity row is dropped). */
  neighbours: number;
  /**
   * Shrinkage added to the cosine's denominator: a similarity resting on few shared users is
   * pulled towards 0, so two obscure items rated by the same one person are not "very similar".
   */
  shrink: number;
  /**
   * Each user's co-occurrences are divided by (items they rated)^userPenalty: a user who rated
   * 3,000 albums says less about any pair of them than one who rated 30.
   */
  userPenalty: number;
  /** Items of one user that take part in co-occurrence counts at most (heaviest users sampled). */
  maxItemsPerUser: number;
  /**
   * A neighbour's similarity is divided by (its number of ratings)^popularityPenalty before the
   * top neighbours are kept (as RP3beta does): 0 keeps the plain, symmetric cosine; above 0 the
   * long tail gets a chance against the albums everyone has rated.
   */
  popularityPenalty: number;
}

export const DEFAULT_ITEM_NEIGHBOUR_OPTIONS: ItemNeighbourOptions = {
  neighbours: 100,
  shrink: 10,
  userPenalty: 0.5,
  maxItemsPerUser: 1000,
  popularityPenalty: 0,
};

/**
 * Item-item similarities, top-K per item: row i lists i's neighbours (item indices ascending, for
 * binary search) with their cosine similarity. Before pruning the similarity is symmetric.
 */
export interface ItemNeighbours {
  readonly similarities: CsrMatrix;
}

/**
 * Computes shrunk cosine similarities between items from a users × items confidence matrix and
 * keeps each item's top neighbours. Cost: Σ over users of (items rated)², memory: one dense
 * accumulator of the item count plus items × neighbours entries.
 */
export function trainItemNeighbours(userItems: CsrMatrix, options: ItemNeighbourOptions = DEFAULT_ITEM_NEIGHBOUR_OPTIONS): ItemNeighbours {
  const itemCount = userItems.cols;
  const userWeight = new Float64Array(userItems.rows);
  const userEnd = new Int32Array(userItems.rows);
  for (let u = 0; u < userItems.rows; u += 1) {
    const degree = userItems.indptr[u + 1]! - userItems.indptr[u]!;
    userWeight[u] = degree > 0 ? 1 / Math.pow(degree, options.userPenalty) : 0;
    // Heavy users: only the first maxItemsPerUser columns take part (a deterministic sample,
    // as columns are item indices in order of first appearance, not by rating).
    userEnd[u] = userItems.indptr[u]! + Math.min(degree, options.maxItemsPerUser);
  }
  const itemUsers = transpose(userItems);

  const norms = new Float64Array(itemCount);
  for (let i = 0; i < itemCount; i += 1) {
    let sum = 0;
    for (let p = itemUsers.indptr[i]!; p < itemUsers.indptr[i + 1]!; p += 1) {
      const w = itemUsers.values[p]!;
      sum += w * w * userWeight[itemUsers.indices[p]!]!;
    }
    norms[i] = Math.sqrt(sum);
  }
  const penalty = new Float64Array(itemCount);
  for (let i = 0; i < itemCount; i += 1) penalty[i] = 1 / Math.pow(Math.max(1, itemUsers.indptr[i + 1]! - itemUsers.indptr[i]!), options.popularityPenalty);

  const k = Math.min(options.neighbours, Math.max(itemCount - 1, 0));
  const rows = new NeighbourRowsBuilder(itemCount, Math.min(k, 64));
  const accumulator = new SparseAccumulator(itemCount);

  for (let i = 0; i < itemCount; i += 1) {
    for (let p = itemUsers.indptr[i]!; p < itemUsers.indptr[i + 1]!; p += 1) {
      const u = itemUsers.indices[p]!;
      const start = userItems.indptr[u]!;
      const end = userEnd[u]!;
      // Skip users whose sampled items do not include i.
      if (end < userItems.indptr[u + 1]! && !containsSorted(userItems.indices, start, end, i)) continue;
      const wi = itemUsers.values[p]! * userWeight[u]!;
      for (let q = start; q < end; q += 1) {
        accumulator.add(userItems.indices[q]!, wi * userItems.values[q]!);
      }
    }
    const top = new TopK(k);
    for (let t = 0; t < accumulator.count; t += 1) {
      const j = accumulator.touched[t]!;
      if (j === i) continue;
      const similarity = (accumulator.values[j]! / (norms[i]! * norms[j]! + options.shrink)) * penalty[j]!;
      if (similarity > 0 && top.admits(similarity)) top.push(j, similarity);
    }
    accumulator.clear();
    rows.pushRow(top);
  }
  return { similarities: rows.build() };
}

/** Whether sorted `array[start..end)` holds `value` (binary search). */
export function containsSorted(array: Int32Array, start: number, end: number, value: number): boolean {
  return indexInSorted(array, start, end, value) >= 0;
}

/** First position in sorted `array[start..end)` whose value is >= `value` (`end` when none). */
export function lowerBound(array: Int32Array, start: number, end: number, value: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (array[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of `value` in sorted `array[start..end)`, or -1. */
export function indexInSorted(array: Int32Array, start: number, end: number, value: number): number {
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = array[mid]!;
    if (at === value) return mid;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
