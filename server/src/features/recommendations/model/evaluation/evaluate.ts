import type { ConfidenceScheme } from '../confidence';
import { randomStream } from '../../../../lib/seeded-random';
import { type CsrMatrix } from '../sparse-matrix';
import { interactionsFromRatings, train, type TrainOptions } from '../train';
import type { EvaluationSplit } from './holdout-split';
import { ndcgAt, recallAt } from './ranking-metrics';

/** Figures of one ranking method over the evaluated users. */
export interface MethodFigures {
  name: string;
  ndcg10: number;
  recall20: number;
  /** Share of catalogue items in at least one evaluated user's top 10. */
  coverage: number;
}

export interface EvaluationResult {
  model: MethodFigures;
  popularity: MethodFigures;
  random: MethodFigures;
  /** Users with at least one relevant held-out item (the ones averaged over). */
  users: number;
  items: number;
  trainRatings: number;
  testRatings: number;
  trainSeconds: number;
  rankSeconds: number;
}

export interface EvaluationOptions {
  seed: number;
  confidence: ConfidenceScheme;
  train: Partial<TrainOptions>;
}

/** Accumulates one method's metrics user by user. */
class MethodTally {
  private ndcg = 0;
  private recall = 0;
  private users = 0;
  private readonly inTop10: Uint8Array;

  constructor(
    readonly name: string,
    itemCount: number,
  ) {
    this.inTop10 = new Uint8Array(itemCount);
  }

  add(ranked: ArrayLike<number>, relevant: ReadonlySet<number>): void {
    this.ndcg += ndcgAt(10, ranked, relevant);
    this.recall += recallAt(20, ranked, relevant);
    this.users += 1;
    for (let r = 0; r < Math.min(10, ranked.length); r += 1) this.inTop10[ranked[r]!] = 1;
  }

  figures(): MethodFigures {
    let covered = 0;
    for (const c of this.inTop10) covered += c;
    const n = Math.max(this.users, 1);
    return { name: this.name, ndcg10: this.ndcg / n, recall20: this.recall / n, coverage: this.inTop10.length ? covered / this.inTop10.length : 0 };
  }
}

/** Items by how many training ratings reach the relevance threshold (ties: lower index first). */
export function thresholdPopularityOrder(train: CsrMatrix, threshold: number): Int32Array {
  const counts = new Float64Array(train.cols);
  const bar = Math.fround(threshold);
  for (let p = 0; p < train.indptr[train.rows]!; p += 1) if (train.values[p]! >= bar) counts[train.indices[p]!] = counts[train.indices[p]!]! + 1;
  return Int32Array.from({ length: train.cols }, (_, i) => i).sort((a, b) => counts[b]! - counts[a]! || a - b);
}

/**
 * Runs the protocol on a split: trains the model on the training part, then for each user with
 * a relevant held-out item ranks every item they did not rate in training (top-k selection) and
 * scores the model, the popularity baseline and a seeded random ranking on the same users.
 */
export function evaluateSplit(split: EvaluationSplit, options: EvaluationOptions): EvaluationResult {
  const { train: trainRatings, test } = split;
  const itemCount = trainRatings.cols;
  const started = Date.now();
  const model = train(interactionsFromRatings(trainRatings, split.scale, options.confidence), { seed: options.seed, ...options.train });
  const trainSeconds = (Date.now() - started) / 1000;

  const popularOrder = thresholdPopularityOrder(trainRatings, split.threshold);
  const tallies = {
    model: new MethodTally(model.method, itemCount),
    popularity: new MethodTally('popularity', itemCount),
    random: new MethodTally('random', itemCount),
  };
  const random = randomStream(options.seed ^ 0x9e3779b9);
  const rated = new Int32Array(itemCount).fill(-1);
  const bar = Math.fround(split.threshold);
  const rankStarted = Date.now();
  let users = 0;
  for (let u = 0; u < test.rows; u += 1) {
    const relevant = new Set<number>();
    for (let p = test.indptr[u]!; p < test.indptr[u + 1]!; p += 1) if (test.values[p]! >= bar) relevant.add(test.indices[p]!);
    if (relevant.size === 0) continue;
    users += 1;
    for (let p = trainRatings.indptr[u]!; p < trainRatings.indptr[u + 1]!; p += 1) rated[trainRatings.indices[p]!] = u;
    // The model saw only ratings that carry a confidence; every training-rated item is excluded.
    const exclude = new Set<number>();
    for (let p = trainRatings.indptr[u]!; p < trainRatings.indptr[u + 1]!; p += 1) exclude.add(trainRatings.indices[p]!);
    tallies.model.add(
      model.recommend(u, { k: 20, exclude, explain: false, seed: options.seed }).map((r) => r.itemIndex),
      relevant,
    );
    const popular: number[] = [];
    for (let n = 0; n < popularOrder.length && popular.length < 20; n += 1) if (rated[popularOrder[n]!] !== u) popular.push(popularOrder[n]!);
    tallies.popularity.add(popular, relevant);
    tallies.random.add(
      randomUnrated(itemCount, 20, (i) => rated[i] === u, random),
      relevant,
    );
  }
  return {
    model: tallies.model.figures(),
    popularity: tallies.popularity.figures(),
    random: tallies.random.figures(),
    users,
    items: itemCount,
    trainRatings: trainRatings.indptr[trainRatings.rows]!,
    testRatings: test.indptr[test.rows]!,
    trainSeconds,
    rankSeconds: (Date.now() - rankStarted) / 1000,
  };
}

/** Up to k distinct items drawn uniformly from those not rated (a random ranking's top k). */
export function randomUnrated(itemCount: number, k: number, isRated: (item: number) => boolean, random: () => number): number[] {
  const picked = new Set<number>();
  let attempts = 0;
  while (picked.size < k && attempts < k * 20) {
    attempts += 1;
    const item = Math.floor(random() * itemCount);
    if (!isRated(item)) picked.add(item);
  }
  if (picked.size < k) {
    // Almost every item rated: draw from the explicit list of the rest.
    const rest = Array.from({ length: itemCount }, (_, i) => i).filter((i) => !isRated(i) && !picked.has(i));
    while (picked.size < k && rest.length) picked.add(rest.splice(Math.floor(random() * rest.length), 1)[0]!);
  }
  return [...picked];
}
