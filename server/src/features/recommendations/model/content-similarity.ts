import { buildCsr, CooBuilder, type CsrMatrix } from './sparse-matrix';

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
