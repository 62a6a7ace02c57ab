import type { CandidateScores, ProfileScorer, SimilarItem, UserProfile } from './recommendation-model';
import { normalDraw, randomStream } from '../../../lib/seeded-random';
import { type CsrMatrix, transpose } from './sparse-matrix';
import { TopK } from './top-k';

/** Options of implicit alternating least squares (Hu, Koren and Volinsky; conjugate gradient steps as in Takács et al.). */
export interface AlsOptions {
  factors: number;
  regularization: number;
  /** Confidence of an interaction: 1 + alpha × |weight|. */
  alpha: number;
  iterations: number;
  /** Conjugate gradient steps per row and iteration (warm-started from the previous solution). */
  cgSteps: number;
}

export const DEFAULT_ALS_OPTIONS: AlsOptions = { factors: 32, regularization: 0.1, alpha: 10, iterations: 12, cgSteps: 3 };

/** User and item factors, row-major (`factors` numbers per row). */
export interface AlsFactors {
  readonly factors: number;
  readonly userFactors: Float64Array;
  readonly itemFactors: Float64Array;
}

/** Gram matrix YᵀY + λI of row-major factors (f × f). */
function gram(y: Float64Array, rows: number, f: number, regularization: number): Float64Array {
  const g = new Float64Array(f * f);
  for (let r = 0; r < rows; r += 1) {
    const o = r * f;
    for (let a = 0; a < f; a += 1) {
      const ya = y[o + a]!;
      if (ya === 0) continue;
      for (let b = a; b < f; b += 1) g[a * f + b] = g[a * f + b]! + ya * y[o + b]!;
    }
  }
  for (let a = 0; a < f; a += 1) {
    for (let b = 0; b < a; b += 1) g[a * f + b] = g[b * f + a]!;
    g[a * f + a] = g[a * f + a]! + regularization;
  }
  return g;
}

/**
 * Solves one row's least squares in place with conjugate gradient steps:
 * (YᵀY + λI + Yᵀ(C − I)Y) x = YᵀCp over the row's nonzeros, p = 1 for positive weights.
 */
function solveRow(
  x: Float64Array,
  xOffset: number,
  yty: Float64Array,
  y: Float64Array,
  f: number,
  cols: Int32Array,
  weights: Float32Array,
  start: number,
  end: number,
  alpha: number,
  steps: number,
  work: { r: Float64Array; p: Float64Array; ap: Float64Array },
): void {
  const { r, p, ap } = work;
  for (let a = 0; a < f; a += 1) {
    let s = 0;
    for (let b = 0; b < f; b += 1) s += yty[a * f + b]! * x[xOffset + b]!;
    r[a] = -s;
  }
  for (let n = start; n < end; n += 1) {
    const w = weights[n]!;
    if (w === 0) continue;
    const conf = 1 + alpha * Math.abs(w);
    const pref = w > 0 ? 1 : 0;
    const o = cols[n]! * f;
    let dot = 0;
    for (let a = 0; a < f; a += 1) dot += y[o + a]! * x[xOffset + a]!;
    const c = conf * pref - (conf - 1) * dot;
    for (let a = 0; a < f; a += 1) r[a] = r[a]! + c * y[o + a]!;
  }
  p.set(r);
  let rsOld = 0;
  for (let a = 0; a < f; a += 1) rsOld += r[a]! * r[a]!;
  for (let step = 0; step < steps && rsOld > 1e-20; step += 1) {
    for (let a = 0; a < f; a += 1) {
      let s = 0;
      for (let b = 0; b < f; b += 1) s += yty[a * f + b]! * p[b]!;
      ap[a] = s;
    }
    for (let n = start; n < end; n += 1) {
      const w = weights[n]!;
      if (w === 0) continue;
      const conf = 1 + alpha * Math.abs(w);
      const o = cols[n]! * f;
      let dot = 0;
      for (let a = 0; a < f; a += 1) dot += y[o + a]! * p[a]!;
      const c = (conf - 1) * dot;
      for (let a = 0; a < f; a += 1) ap[a] = ap[a]! + c * y[o + a]!;
    }
    let pAp = 0;
    for (let a = 0; a < f; a += 1) pAp += p[a]! * ap[a]!;
    if (pAp <= 0) break;
    const step = rsOld / pAp;
    let rsNew = 0;
    for (let a = 0; a < f; a += 1) {
      x[xOffset + a] = x[xOffset + a]! + step * p[a]!;
      r[a] = r[a]! - step * ap[a]!;
      rsNew += r[a]! * r[a]!;
    }
    for (let a = 0; a < f; a += 1) p[a] = r[a]! + (rsNew / rsOld) * p[a]!;
    rsOld = rsNew;
  }
}

/** Trains user and item factors from a users × items confidence matrix; deterministic for a seed. */
export function trainImplicitAls(userItems: CsrMatrix, options: AlsOptions = DEFAULT_ALS_OPTIONS, seed = 1): AlsFactors {
  const f = options.factors;
  const random = randomStream(seed);
  const users = new Float64Array(userItems.rows * f);
  const items = new Float64Array(userItems.cols * f);
  for (let n = 0; n < items.length; n += 1) items[n] = 0.01 * normalDraw(random);
  for (let n = 0; n < users.length; n += 1) users[n] = 0.01 * normalDraw(random);
  const itemUsers = transpose(userItems);
  const work = { r: new Float64Array(f), p: new Float64Array(f), ap: new Float64Array(f) };
  for (let it = 0; it < options.iterations; it += 1) {
    const yty = gram(items, userItems.cols, f, options.regularization);
    for (let u = 0; u < userItems.rows; u += 1)
      solveRow(
        users,
        u * f,
        yty,
        items,
        f,
        userItems.indices,
        userItems.values,
        userItems.indptr[u]!,
        userItems.indptr[u + 1]!,
        options.alpha,
        options.cgSteps,
        work,
      );
    const xtx = gram(users, userItems.rows, f, options.regularization);
    for (let i = 0; i < itemUsers.rows; i += 1)
      solveRow(
        items,
        i * f,
        xtx,
        users,
        f,
        itemUsers.indices,
        itemUsers.values,
        itemUsers.indptr[i]!,
        itemUsers.indptr[i + 1]!,
        options.alpha,
        options.cgSteps,
        work,
      );
  }
  return { factors: f, userFactors: users, itemFactors: items };
}

/** Scores every item by the dot product with the profile's folded-in user factors. */
export function alsScorer(model: AlsFactors, itemCount: number, options: AlsOptions = DEFAULT_ALS_OPTIONS): ProfileScorer {
  const f = model.factors;
  const y = model.itemFactors;
  const yty = gram(y, itemCount, f, options.regularization);
  const norms = new Float64Array(itemCount);
  for (let i = 0; i < itemCount; i += 1) {
    let s = 0;
    for (let a = 0; a < f; a += 1) s += y[i * f + a]! ** 2;
    norms[i] = Math.sqrt(s);
  }
  const work = { r: new Float64Array(f), p: new Float64Array(f), ap: new Float64Array(f) };
  const cosine = (i: number, j: number): number => {
    let s = 0;
    for (let a = 0; a < f; a += 1) s += y[i * f + a]! * y[j * f + a]!;
    return norms[i]! > 0 && norms[j]! > 0 ? s / (norms[i]! * norms[j]!) : 0;
  };
  return {
    method: 'als',
    itemCount,
    score(profile: UserProfile, into: CandidateScores): void {
      const cols = Int32Array.from(profile.items);
      const weights = Float32Array.from(profile.weights);
      const x = new Float64Array(f);
      if (cols.length === 0) return;
      // Fold-in: the user's factors given the item factors (more steps from a cold start).
      solveRow(x, 0, yty, y, f, cols, weights, 0, cols.length, options.alpha, Math.max(options.cgSteps, f), work);
      for (let i = 0; i < itemCount; i += 1) {
        let s = 0;
        const o = i * f;
        for (let a = 0; a < f; a += 1) s += x[a]! * y[o + a]!;
        if (s === 0) continue;
        if (into.scores[i] === 0) into.items[into.count++] = i;
        into.scores[i] = into.scores[i]! + s;
        if (into.scores[i] === 0) into.scores[i] = Number.MIN_VALUE;
      }
    },
    contribution: (source: number, weight: number, target: number): number => weight * cosine(source, target),
    similarItems(itemIndex: number, k: number): SimilarItem[] {
      if (itemIndex < 0 || itemIndex >= itemCount) return [];
      const top = new TopK(k);
      for (let j = 0; j < itemCount; j += 1) if (j !== itemIndex) top.push(j, cosine(itemIndex, j));
      return top.sorted().map(({ item, score }) => ({ itemIndex: item, score }));
    },
  };
}
