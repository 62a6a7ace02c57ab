/**
 * Ranking metrics of the offline evaluation (binary relevance). `ranked` is best first;
 * `relevant` the held-out items the user rated at or above the relevance threshold.
 */

/** NDCG@k with binary gain: DCG of the top k over the DCG of an ideal ranking. */
export function ndcgAt(k: number, ranked: ArrayLike<number>, relevant: ReadonlySet<number>): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  const depth = Math.min(k, ranked.length);
  for (let r = 0; r < depth; r += 1) if (relevant.has(ranked[r]!)) dcg += 1 / Math.log2(r + 2);
  let ideal = 0;
  for (let r = 0; r < Math.min(k, relevant.size); r += 1) ideal += 1 / Math.log2(r + 2);
  return dcg / ideal;
}

/** Recall@k: the share of the relevant items found in the top k. */
export function recallAt(k: number, ranked: ArrayLike<number>, relevant: ReadonlySet<number>): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  const depth = Math.min(k, ranked.length);
  for (let r = 0; r < depth; r += 1) if (relevant.has(ranked[r]!)) hits += 1;
  return hits / relevant.size;
}
