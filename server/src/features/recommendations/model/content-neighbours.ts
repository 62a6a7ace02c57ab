import { mix32 } from '../../../lib/seeded-random';
import { lowerBound, type ItemNeighbours } from './item-neighbours';
import { NeighbourRowsBuilder } from './neighbour-rows';
import { SparseAccumulator } from './sparse-accumulator';
import { type CsrMatrix, transpose } from './sparse-matrix';
import { TopK } from './top-k';

/** Options of the content neighbours (items similar by their attributes). */
export interface ContentNeighbourOptions {
  /**
   * Neighbours kept per item. 100, as for the collaborative neighbours: a profile of one album
   * still reaches 100 candidates, the length of the list a rebuild ranks for each user
   * (2 × 50 picks, before diversity re-ranking), and 50k albums × 100 take 40 MB.
   */
  neighbours: number;
  /**
   * Items walked per feature and item at most. A feature shared by more items (a genre of
   * 6,000 albums, a decade) is walked only within a window of the catalogue chosen per item
   * (the same window for all its features, so every score in it is exact): training costs at
   * most items × features × this, instead of Σ (items sharing a feature)², and the neighbours
   * of an item found in the window are the best of a large, unbiased sample of the items that
   * share only common features with it. Items sharing a rarer feature (the artist, a small
   * label) are always found.
   */
  maxFeatureItems: number;
}

export const DEFAULT_CONTENT_NEIGHBOUR_OPTIONS: ContentNeighbourOptions = { neighbours: 100, maxFeatureItems: 2000 };

/**
 * Each item's top-K items by cosine similarity of their attributes (`itemFeatures`: items ×
 * features, rows of unit length, see buildItemFeatures), in the shape of the collaborative
 * neighbours, so that both score profiles through the same neighbour scorer. Every stored value
 * is the exact cosine (symmetric); an item is never its own neighbour; ties go to the lower item
 * index; the same input gives the same output. With `maxFeatureItems` at least the item count,
 * the rows are the exact top-K.
 */
export function trainContentNeighbours(itemFeatures: CsrMatrix, options: ContentNeighbourOptions = DEFAULT_CONTENT_NEIGHBOUR_OPTIONS): ItemNeighbours {
  const itemCount = itemFeatures.rows;
  const featureItems = transpose(itemFeatures);
  const k = Math.max(0, Math.min(Math.floor(options.neighbours), itemCount - 1));
  const cap = Math.max(1, Math.floor(options.maxFeatureItems));
  const rows = new NeighbourRowsBuilder(itemCount, k);
  const accumulator = new SparseAccumulator(itemCount);
  const postingSize = (f: number): number => featureItems.indptr[f + 1]! - featureItems.indptr[f]!;

  const walk = (itemFeature: number, from: number, to: number): void => {
    const weight = itemFeatures.values[itemFeature]!;
    for (let q = from; q < to; q += 1) accumulator.add(featureItems.indices[q]!, weight * featureItems.values[q]!);
  };

  for (let i = 0; i < itemCount; i += 1) {
    const start = itemFeatures.indptr[i]!;
    const end = itemFeatures.indptr[i + 1]!;
    let largest = 0;
    for (let p = start; p < end; p += 1) largest = Math.max(largest, postingSize(itemFeatures.indices[p]!));
    // The window: `width` consecutive item indices from a seeded offset (wrapping round), sized so
    // the largest feature yields about `cap` items; the whole catalogue when no feature is common.
    const width = largest > cap ? Math.max(1, Math.floor((itemCount * cap) / largest)) : itemCount;
    const offset = width < itemCount ? mix32(i ^ 0x5bd1e995) % itemCount : 0;
    const inWindow = (j: number): boolean => (j - offset + itemCount) % itemCount < width;

    for (let p = start; p < end; p += 1) {
      const f = itemFeatures.indices[p]!;
      const from = featureItems.indptr[f]!;
      const to = featureItems.indptr[f + 1]!;
      if (to - from <= cap || width >= itemCount) {
        walk(p, from, to);
        continue;
      }
      const windowEnd = offset + width;
      walk(p, lowerBound(featureItems.indices, from, to, offset), lowerBound(featureItems.indices, from, to, Math.min(windowEnd, itemCount)));
      if (windowEnd > itemCount) walk(p, from, lowerBound(featureItems.indices, from, to, windowEnd - itemCount));
    }

    const top = new TopK(k);
    for (let t = 0; t < accumulator.count; t += 1) {
      const j = accumulator.touched[t]!;
      if (j === i) continue;
      // Outside the window j was reached through rarer features only: its common ones are missing.
      const similarity = inWindow(j) ? accumulator.values[j]! : featureCosine(itemFeatures, i, j);
      if (similarity > 0 && top.admits(similarity)) top.push(j, similarity);
    }
    accumulator.clear();
    rows.pushRow(top);
  }
  return { similarities: rows.build() };
}

/** Cosine of two items' attribute rows (unit length): the dot product over shared features. */
export function featureCosine(itemFeatures: CsrMatrix, a: number, b: number): number {
  let p = itemFeatures.indptr[a]!;
  let q = itemFeatures.indptr[b]!;
  const pe = itemFeatures.indptr[a + 1]!;
  const qe = itemFeatures.indptr[b + 1]!;
  let sum = 0;
  while (p < pe && q < qe) {
    const fa = itemFeatures.indices[p]!;
    const fb = itemFeatures.indices[q]!;
    if (fa === fb) sum += itemFeatures.values[p++]! * itemFeatures.values[q++]!;
    else if (fa < fb) p += 1;
    else q += 1;
  }
  return sum;
}
