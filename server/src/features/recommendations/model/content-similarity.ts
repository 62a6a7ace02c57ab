import type { CandidateScores, ProfileScorer, SimilarItem, UserProfile } from './recommendation-model';
import { buildCsr, CooBuilder, type CsrMatrix, transpose } from './sparse-matrix';
import { TopK } from './top-k';

/** What the catalogue knows about an item; every field is optional. */
export interface ItemAttributes {
  artist?: string;
  genres?: readonly string[];
  styles?: readonly string[];
  label?: string;
  year?: number;
}

/** How much each kind of attribute weighs in content similarity. */
export interface ContentWeights {
  artist: number;
  genre: number;
  style: number;
  label: number;
  era: number;
}

export const DEFAULT_CONTENT_WEIGHTS: ContentWeights = { artist: 3, genre: 1, style: 1.5, label: 0.5, era: 1 };

/**
 * Items × features matrix (rows unit length) from catalogue attributes; `attributes[i]` describes
 * item i. Era is the decade of release. Names are compared case-insensitively.
 */
export function buildItemFeatures(attributes: readonly (ItemAttributes | undefined)[], weights: ContentWeights = DEFAULT_CONTENT_WEIGHTS): CsrMatrix {
  const featureIds = new Map<string, number>();
  const coo = new CooBuilder();
  const add = (item: number, key: string, weight: number): void => {
    if (weight <= 0) return;
    let id = featureIds.get(key);
    if (id === undefined) {
      id = featureIds.size;
      featureIds.set(key, id);
    }
    coo.push(item, id, weight);
  };
  attributes.forEach((a, item) => {
    if (!a) return;
    if (a.artist) add(item, `artist:${a.artist.toLowerCase()}`, weights.artist);
    for (const g of a.genres ?? []) add(item, `genre:${g.toLowerCase()}`, weights.genre);
    for (const s of a.styles ?? []) add(item, `style:${s.toLowerCase()}`, weights.style);
    if (a.label) add(item, `label:${a.label.toLowerCase()}`, weights.label);
    if (a.year !== undefined && Number.isFinite(a.year)) add(item, `era:${Math.floor(a.year / 10)}`, weights.era);
  });
  const matrix = buildCsr(attributes.length, featureIds.size, coo);
  for (let i = 0; i < matrix.rows; i += 1) {
    let sum = 0;
    for (let p = matrix.indptr[i]!; p < matrix.indptr[i + 1]!; p += 1) sum += matrix.values[p]! ** 2;
    const norm = Math.sqrt(sum);
    for (let p = matrix.indptr[i]!; p < matrix.indptr[i + 1]!; p += 1) matrix.values[p] = matrix.values[p]! / norm;
  }
  return matrix;
}

/**
 * Scores items by cosine similarity of their attributes to the profile's items: the fallback for
 * people with few ratings and for items nobody has rated yet. Symmetric by construction.
 */
export function contentScorer(itemFeatures: CsrMatrix): ProfileScorer {
  const featureItems = transpose(itemFeatures);
  const itemCount = itemFeatures.rows;
  const userVector = new Float64Array(itemFeatures.cols);
  const touchedFeatures: number[] = [];

  const cosine = (a: number, b: number): number => {
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
  };

  return {
    method: 'content',
    itemCount,
    score(profile: UserProfile, into: CandidateScores): void {
      for (let n = 0; n < profile.items.length; n += 1) {
        const item = profile.items[n]!;
        const weight = profile.weights[n]!;
        if (weight === 0 || item < 0 || item >= itemCount) continue;
        for (let p = itemFeatures.indptr[item]!; p < itemFeatures.indptr[item + 1]!; p += 1) {
          const f = itemFeatures.indices[p]!;
          if (userVector[f] === 0) touchedFeatures.push(f);
          userVector[f] = userVector[f]! + weight * itemFeatures.values[p]!;
        }
      }
      for (const f of touchedFeatures) {
        const value = userVector[f]!;
        userVector[f] = 0;
        if (value === 0) continue;
        for (let p = featureItems.indptr[f]!; p < featureItems.indptr[f + 1]!; p += 1) {
          const target = featureItems.indices[p]!;
          if (into.scores[target] === 0) into.items[into.count++] = target;
          into.scores[target] = into.scores[target]! + value * featureItems.values[p]!;
          if (into.scores[target] === 0) into.scores[target] = Number.MIN_VALUE;
        }
      }
      touchedFeatures.length = 0;
    },
    contribution(source: number, weight: number, target: number): number {
      if (source < 0 || source >= itemCount || target < 0 || target >= itemCount) return 0;
      return weight * cosine(source, target);
    },
    similarItems(itemIndex: number, k: number): SimilarItem[] {
      if (itemIndex < 0 || itemIndex >= itemCount) return [];
      const scores = new Map<number, number>();
      for (let p = itemFeatures.indptr[itemIndex]!; p < itemFeatures.indptr[itemIndex + 1]!; p += 1) {
        const f = itemFeatures.indices[p]!;
        for (let q = featureItems.indptr[f]!; q < featureItems.indptr[f + 1]!; q += 1) {
          const target = featureItems.indices[q]!;
          if (target !== itemIndex) scores.set(target, (scores.get(target) ?? 0) + itemFeatures.values[p]! * featureItems.values[q]!);
        }
      }
      const top = new TopK(k);
      for (const [item, score] of scores) top.push(item, score);
      return top.sorted().map(({ item, score }) => ({ itemIndex: item, score }));
    },
  };
}
