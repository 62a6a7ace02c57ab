import { CONFIDENCE_SCHEMES, type ConfidenceScheme, type RatingScale } from './confidence';
import { ndcgAt } from './evaluation/ranking-metrics';
import { mix32 } from '../../../lib/seeded-random';
import type { CsrMatrix } from './sparse-matrix';
import type { Interactions, ProfileScorer } from './recommendation-model';
import { assembleModel, interactionsFromRatings, type ModelMethod, train, trainCollaborative, trainContent, type TrainOptions } from './train';

/** One configuration tried by the selection, and its NDCG@10 on the validation users. */
export interface ValidationFigure {
  method: ModelMethod;
  confidence: ConfidenceScheme;
  popularityDiscount: number;
  popularityWeight: number;
  ndcg10: number;
  /** Share of the catalogue in the top 10 of some validation user (measured for the leading configuration's discounts only). */
  coverage?: number;
}

export interface ModelSelection {
  /** The collaborative method that did best (item neighbours unless EASE was tried and won). */
  method: ModelMethod;
  chosen: ConfidenceScheme;
  /** The long-tail discount that did best with the chosen scheme (see BlendOptions). */
  popularityDiscount: number;
  /** Share of popularity blended in: above 0 only when personal rankings barely beat popularity. */
  popularityWeight: number;
  figures: ValidationFigure[];
  /** NDCG@10 of the popularity ranking on the same validation users, for reference. */
  popularityNdcg10: number;
  validationUsers: number;
}

export interface ModelSelectionOptions {
  seed: number;
  /** Schemes tried, in order of preference when two score the same. */
  candidates: readonly ConfidenceScheme[];
  /** Users whose validation rankings are scored at most (an even sample of them). */
  sampleUsers: number;
  /** Long-tail discounts tried with every scheme (scoring only, no retraining). */
  popularityDiscounts: readonly number[];
  /** Popularity shares tried with the best scheme when it is within 10 % of popularity. */
  popularityWeights: readonly number[];
  /**
   * Catalogue coverage wanted of the top 10s (issue 13: 30 %). When the most accurate
   * configuration reaches less, the smallest long-tail discount that reaches it is chosen instead,
   * or failing that the one that reaches most, as long as its NDCG@10 stays within
   * `coverageTolerance` of the best and keeps `popularityMargin` × the floor over popularity the
   * best had (2× popularity when the best reached 2.2×, else popularity itself).
   */
  coverageGoal: number;
  coverageTolerance: number;
  /** Safety factor over the popularity floors above, for the step from validation to unseen users. */
  popularityMargin: number;
  /**
   * EASE is tried as well (with the best scheme) when the catalogue has at most this many
   * items: its dense inverse costs items³ (about 15 s for 1,500 items, 2.5 min for 3,700 here).
   */
  easeMaxItems: number;
  train: Partial<TrainOptions>;
}

export const DEFAULT_SELECTION_OPTIONS: ModelSelectionOptions = {
  seed: 1,
  candidates: ['signed', 'graded', 'binary'],
  sampleUsers: 5000,
  popularityDiscounts: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
  popularityWeights: [0.3, 1],
  coverageGoal: 0.3,
  coverageTolerance: 0.25,
  popularityMargin: 1.1,
  easeMaxItems: 4000,
  train: {},
};

/**
 * Chooses how ratings become confidence for this data set, and the method, by the data alone:
 * holds out a seeded 20 % of each user's (training) ratings, trains once per scheme on the rest
 * (and EASE with the best scheme on small catalogues) and keeps the configuration (with its
 * long-tail discount) with the best NDCG@10 on the held-out ratings at or above
 * min + 0.75 × (max − min).
 * Whether a low rating is a sign of interest (watched, so similar) or of distaste depends on
 * the community; this lets each data set answer. Never looks at anything but `ratings`.
 */
export function selectByValidation(ratings: CsrMatrix, scale: RatingScale, options: Partial<ModelSelectionOptions> = {}): ModelSelection {
  const o = { ...DEFAULT_SELECTION_OPTIONS, ...options };
  const threshold = Math.fround(scale.min + 0.75 * (scale.max - scale.min));
  const inner = innerSplit(ratings, o.seed);
  const users: number[] = [];
  for (let u = 0; u < ratings.rows; u += 1) if (inner.relevant[u]!.size > 0) users.push(u);
  const step = Math.max(1, Math.ceil(users.length / o.sampleUsers));
  const sample = users.filter((_, n) => n % step === 0);

  const score = (model: ReturnType<typeof train>): number => {
    let sum = 0;
    for (const u of sample)
      sum += ndcgAt(
        10,
        model.recommend(u, { k: 10, explain: false }).map((r) => r.itemIndex),
        inner.relevant[u]!,
      );
    return sample.length ? sum / sample.length : 0;
  };
  // The content neighbours depend on item attributes alone: trained once for every configuration.
  const content = trainContent(o.train);
  const figures: ValidationFigure[] = [];
  const trained = new Map<string, { interactions: Interactions; scorer: ProfileScorer }>();
  const key = (method: ModelMethod, confidence: ConfidenceScheme): string => `${method}/${confidence}`;
  const tryConfig = (method: ModelMethod, confidence: ConfidenceScheme, popularityDiscount: number, popularityWeight: number): void => {
    const { interactions, scorer } = trained.get(key(method, confidence))!;
    const model = assembleModel(interactions, scorer, { ...o.train, blend: { ...o.train.blend, popularityDiscount, popularityWeight } }, content);
    figures.push({ method, confidence, popularityDiscount, popularityWeight, ndcg10: score(model) });
  };
  const best = (): ValidationFigure => figures.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a));
  const tryMethod = (method: ModelMethod, confidence: ConfidenceScheme): void => {
    const interactions = interactionsFromRatings(inner.train, scale, confidence);
    trained.set(key(method, confidence), { interactions, scorer: trainCollaborative(interactions, { seed: o.seed, ...o.train, method }) });
    for (const discount of o.popularityDiscounts) tryConfig(method, confidence, discount, o.train.blend?.popularityWeight ?? 0);
    // Only the leading model is kept (memory at scale).
    const leader = key(best().method, best().confidence);
    for (const k of [...trained.keys()]) if (k !== leader) trained.delete(k);
  };
  const baseMethod = o.train.method ?? 'item-knn';
  for (const confidence of o.candidates.filter((c) => CONFIDENCE_SCHEMES.includes(c))) tryMethod(baseMethod, confidence);
  if (baseMethod !== 'ease' && ratings.cols <= o.easeMaxItems) tryMethod('ease', best().confidence);
  const popularityNdcg10 = score(train(interactionsFromRatings(inner.train, scale, 'positive'), { method: 'popularity' }));
  // A close call with popularity: lean on it rather than risk ranking below it.
  if (best().ndcg10 < 1.1 * popularityNdcg10) {
    const { method, confidence, popularityDiscount } = best();
    for (const weight of o.popularityWeights) tryConfig(method, confidence, popularityDiscount, weight);
  }
  const chosen = widerCoverage(best());
  return {
    method: chosen.method,
    chosen: chosen.confidence,
    popularityDiscount: chosen.popularityDiscount,
    popularityWeight: chosen.popularityWeight,
    figures,
    popularityNdcg10,
    validationUsers: sample.length,
  };

  /**
   * The most accurate configuration, or a larger discount of it when that one leaves too much of
   * the catalogue unseen (accuracy from the validation split, coverage from the full ratings).
   */
  function widerCoverage(top: ValidationFigure): ValidationFigure {
    const siblings = figures.filter((f) => f.method === top.method && f.confidence === top.confidence && f.popularityWeight === top.popularityWeight);
    if (siblings.length < 2) return top;
    const margin = o.popularityMargin;
    // Never trade accuracy below what the issue asks of the model: twice popularity where the most
    // accurate configuration clearly reached it (tastes differ), else popularity itself; each with
    // a margin, as unseen users will not score exactly as the validation users did.
    const popularityFloor = top.ndcg10 >= 2 * margin * popularityNdcg10 ? 2 * margin * popularityNdcg10 : margin * popularityNdcg10;
    const floor = Math.min(top.ndcg10, Math.max((1 - o.coverageTolerance) * top.ndcg10, popularityFloor));
    // Coverage needs no held-out ratings: it is measured on the model of all the ratings given,
    // the one the caller trains next, over the top 10s of the users an evaluation would count.
    const interactions = interactionsFromRatings(ratings, scale, top.confidence);
    const scorer = trainCollaborative(interactions, { seed: o.seed, ...o.train, method: top.method });
    const counted = likelyEvaluatedUsers(ratings, threshold, o.seed);
    const seen = new Uint8Array(ratings.cols);
    const measure = (f: ValidationFigure): number => {
      const model = assembleModel(
        interactions,
        scorer,
        { ...o.train, blend: { ...o.train.blend, popularityDiscount: f.popularityDiscount, popularityWeight: f.popularityWeight } },
        content,
      );
      seen.fill(0);
      let distinct = 0;
      for (const u of counted) {
        for (const r of model.recommend(u, { k: 10, explain: false }))
          if (!seen[r.itemIndex]) {
            seen[r.itemIndex] = 1;
            distinct += 1;
          }
      }
      f.coverage = ratings.cols ? distinct / ratings.cols : 0;
      return f.coverage;
    };
    if (measure(top) >= o.coverageGoal) return top;
    const larger = siblings
      .filter((f) => f.popularityDiscount > top.popularityDiscount && f.ndcg10 >= floor)
      .sort((a, b) => a.popularityDiscount - b.popularityDiscount);
    for (const f of larger) if (measure(f) >= o.coverageGoal) return f;
    const measured = siblings.filter((f) => f.coverage !== undefined);
    return measured.reduce((a, b) => (b.coverage! > a.coverage! ? b : a), top);
  }

  function innerSplit(m: CsrMatrix, seed: number): { train: CsrMatrix; relevant: Set<number>[] } {
    const keep = new Uint8Array(m.indices.length);
    const relevant: Set<number>[] = [];
    for (let u = 0; u < m.rows; u += 1) {
      const start = m.indptr[u]!;
      const end = m.indptr[u + 1]!;
      const n = end - start;
      const held = Math.min(Math.round(0.2 * n), n - 1);
      const set = new Set<number>();
      relevant.push(set);
      keep.fill(1, start, end);
      if (held <= 0) continue;
      const userKey = mix32(u ^ mix32(seed ^ 0x27d4eb2f));
      const keys: { p: number; key: number }[] = [];
      for (let p = start; p < end; p += 1) keys.push({ p, key: mix32(userKey ^ mix32(m.indices[p]! + 0x165667b1)) });
      keys.sort((a, b) => a.key - b.key || a.p - b.p);
      for (let h = 0; h < held; h += 1) {
        const p = keys[h]!.p;
        keep[p] = 0;
        if (m.values[p]! >= threshold) set.add(m.indices[p]!);
      }
    }
    const indptr = new Int32Array(m.rows + 1);
    let size = 0;
    for (const k of keep) size += k;
    const indices = new Int32Array(size);
    const values = new Float32Array(size);
    let w = 0;
    for (let u = 0; u < m.rows; u += 1) {
      for (let p = m.indptr[u]!; p < m.indptr[u + 1]!; p += 1) {
        if (!keep[p]) continue;
        indices[w] = m.indices[p]!;
        values[w] = m.values[p]!;
        w += 1;
      }
      indptr[u + 1] = w;
    }
    return { train: { rows: m.rows, cols: m.cols, indptr, indices, values }, relevant };
  }
}

/**
 * The users whose top 10s an offline evaluation would count. It averages over users with a
 * relevant rating among their held-out 20 %, which a user with r relevant ratings has with
 * probability about 1 − 0.8^r: counting every user instead overstates coverage (the lists of
 * people with one or two liked albums are the most varied), 30.6 % against 24.9 % on a
 * 20,000-user set. Each user is drawn with that probability by a seeded hash, so the selection
 * stays deterministic.
 */
export function likelyEvaluatedUsers(ratings: CsrMatrix, threshold: number, seed: number): number[] {
  const bar = Math.fround(threshold);
  const users: number[] = [];
  const salt = mix32(seed ^ 0x3c6ef372);
  for (let u = 0; u < ratings.rows; u += 1) {
    let relevant = 0;
    for (let p = ratings.indptr[u]!; p < ratings.indptr[u + 1]!; p += 1) if (ratings.values[p]! >= bar) relevant += 1;
    if (relevant === 0) continue;
    const draw = (mix32(u ^ salt) >>> 0) / 0x1_0000_0000;
    if (draw < 1 - Math.pow(0.8, relevant)) users.push(u);
  }
  return users;
}
