import type { RatingScale } from '../confidence';
import { hash32, mix32 } from '../../../../lib/seeded-random';
import { buildCsr, type CsrMatrix } from '../sparse-matrix';
import type { RatingsTable } from './ratings-csv';

/** Share of each user's ratings held out for testing. */
export const HOLDOUT_SHARE = 0.2;
/** An item is relevant when its held-out rating is at least min + this × (max − min). */
export const RELEVANCE_POSITION = 0.75;

/** The protocol's train/test split of a ratings table. */
export interface EvaluationSplit {
  scale: RatingScale;
  /** Ratings at or above it make a held-out item relevant. */
  threshold: number;
  userIds: string[];
  itemIds: string[];
  /** Users × items, raw ratings. */
  train: CsrMatrix;
  test: CsrMatrix;
  /** Rows dropped because the rating lay outside the scale. */
  outOfScale: number;
  /** Repeated (user, item) rows: the last one counts. */
  duplicates: number;
}

/** The scale given on the command line, the missing bound inferred from the ratings. */
export function resolveScale(table: RatingsTable, given: Partial<RatingScale>): RatingScale {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let n = 0; n < table.length; n += 1) {
    const r = table.ratings[n]!;
    if (r < min) min = r;
    if (r > max) max = r;
  }
  const scale = { min: given.min ?? (table.length ? min : 0), max: given.max ?? (table.length ? max : 1) };
  if (!(scale.max > scale.min))
    throw new RangeError(
      `the rating scale must have max > min (got min ${scale.min}, max ${scale.max}${given.min === undefined || given.max === undefined ? '; give --min and --max' : ''})`,
    );
  return scale;
}

/**
 * Drops ratings outside the scale, keeps the last of repeated (user, item) rows, renumbers users
 * and items that keep a rating, and holds out round(20 %) of each user's ratings (never all of
 * them). Which ratings are held out depends only on the seed and the (userId, itemId) pair, not
 * on the order of the file.
 */
export function splitRatings(table: RatingsTable, scale: RatingScale, seed: number): EvaluationSplit {
  const keep = new Uint8Array(table.length);
  let outOfScale = 0;
  const userUsed = new Int32Array(table.userIds.length).fill(-1);
  const itemUsed = new Int32Array(table.itemIds.length).fill(-1);
  const userIds: string[] = [];
  const itemIds: string[] = [];
  for (let n = 0; n < table.length; n += 1) {
    const r = table.ratings[n]!;
    if (r < scale.min || r > scale.max) {
      outOfScale += 1;
      continue;
    }
    keep[n] = 1;
    const u = table.users[n]!;
    const i = table.items[n]!;
    if (userUsed[u] === -1) {
      userUsed[u] = userIds.length;
      userIds.push(table.userIds[u]!);
    }
    if (itemUsed[i] === -1) {
      itemUsed[i] = itemIds.length;
      itemIds.push(table.itemIds[i]!);
    }
  }
  const kept = table.length - outOfScale;
  const rows = new Int32Array(kept);
  const cols = new Int32Array(kept);
  const values = new Float32Array(kept);
  let m = 0;
  for (let n = 0; n < table.length; n += 1) {
    if (!keep[n]) continue;
    rows[m] = userUsed[table.users[n]!]!;
    cols[m] = itemUsed[table.items[n]!]!;
    values[m] = table.ratings[n]!;
    m += 1;
  }
  const all = buildCsr(userIds.length, itemIds.length, { rows, cols, values, length: kept });
  const duplicates = kept - all.indptr[all.rows]!;

  const userHash = userIds.map((id) => hash32(id, seed));
  const itemHash = itemIds.map((id) => hash32(id, seed ^ 0x5bd1e995));
  const inTest = new Uint8Array(all.indices.length);
  for (let u = 0; u < all.rows; u += 1) {
    const start = all.indptr[u]!;
    const end = all.indptr[u + 1]!;
    const n = end - start;
    const held = Math.min(Math.round(HOLDOUT_SHARE * n), n - 1);
    if (held <= 0) continue;
    const keys: { p: number; key: number }[] = [];
    for (let p = start; p < end; p += 1) keys.push({ p, key: mix32(userHash[u]! ^ itemHash[all.indices[p]!]!) });
    keys.sort((a, b) => a.key - b.key || a.p - b.p);
    for (let h = 0; h < held; h += 1) inTest[keys[h]!.p] = 1;
  }
  const part = (test: boolean): CsrMatrix => {
    const indptr = new Int32Array(all.rows + 1);
    let size = 0;
    for (let p = 0; p < inTest.length; p += 1) if ((inTest[p] === 1) === test) size += 1;
    const indices = new Int32Array(size);
    const vals = new Float32Array(size);
    let w = 0;
    for (let u = 0; u < all.rows; u += 1) {
      for (let p = all.indptr[u]!; p < all.indptr[u + 1]!; p += 1) {
        if ((inTest[p] === 1) !== test) continue;
        indices[w] = all.indices[p]!;
        vals[w] = all.values[p]!;
        w += 1;
      }
      indptr[u + 1] = w;
    }
    return { rows: all.rows, cols: all.cols, indptr, indices, values: vals };
  };
  return {
    scale,
    threshold: scale.min + RELEVANCE_POSITION * (scale.max - scale.min),
    userIds,
    itemIds,
    train: part(false),
    test: part(true),
    outOfScale,
    duplicates,
  };
}
