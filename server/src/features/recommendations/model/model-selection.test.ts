import { likelyEvaluatedUsers, selectByValidation } from './model-selection';
import { syntheticRatings } from './evaluation/synthetic-ratings';
import { buildCsr, CooBuilder, type CsrMatrix } from './sparse-matrix';

/** A small synthetic set where tastes clash: out-of-group items get low ratings. */
function clashingTastes(seed: number): CsrMatrix {
  const coo = new CooBuilder();
  for (const r of syntheticRatings({ users: 250, items: 300, ratings: 9000, clusters: 6, seed }))
    coo.push(Number(r.userId.slice(1)) - 1, Number(r.itemId.slice(1)) - 1, r.rating);
  return buildCsr(250, 300, coo);
}

describe('selectByValidation', () => {
  it('when low ratings mark distaste, then it prefers a scheme that tells them apart from high ones, and says what each scored', () => {
    const selection = selectByValidation(clashingTastes(4), { min: 0.5, max: 5 }, { seed: 2 });
    expect(selection.figures.map((f) => f.confidence)).toEqual(expect.arrayContaining(['signed', 'graded', 'binary']));
    // A 300-item catalogue is small enough for EASE to be tried too.
    expect(selection.figures.map((f) => f.method)).toEqual(expect.arrayContaining(['item-knn', 'ease']));
    expect(selection.chosen).not.toBe('binary');
    const chosen = selection.figures.find(
      (f) =>
        f.method === selection.method &&
        f.confidence === selection.chosen &&
        f.popularityDiscount === selection.popularityDiscount &&
        f.popularityWeight === selection.popularityWeight,
    )!;
    for (const f of selection.figures) expect(chosen.ndcg10).toBeGreaterThanOrEqual(f.ndcg10);
    expect(chosen.ndcg10).toBeGreaterThan(selection.popularityNdcg10);
  });

  it('when the most accurate configuration covers less of the catalogue than wanted, then a larger long-tail discount within the tolerance is chosen', () => {
    const ratings = clashingTastes(6);
    const scale = { min: 0.5, max: 5 };
    const accurate = selectByValidation(ratings, scale, { seed: 2, coverageGoal: 0 });
    const top = accurate.figures.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a));
    expect([accurate.method, accurate.chosen, accurate.popularityDiscount]).toEqual([top.method, top.confidence, top.popularityDiscount]);

    // An unreachable goal with any loss allowed: the discount that shows most of the catalogue.
    const wide = selectByValidation(ratings, scale, { seed: 2, coverageGoal: 1.01, coverageTolerance: 1 });
    const measured = wide.figures.filter((f) => f.coverage !== undefined);
    expect(measured.length).toBeGreaterThan(1);
    const chosen = measured.find((f) => f.popularityDiscount === wide.popularityDiscount && f.confidence === wide.chosen)!;
    for (const f of measured) expect(chosen.coverage!).toBeGreaterThanOrEqual(f.coverage!);
    expect(chosen.coverage!).toBeGreaterThan(measured.find((f) => f.popularityDiscount === top.popularityDiscount)!.coverage!);

    // Any loss allowed still keeps the floor over popularity: twice it (with the margin) where the
    // most accurate configuration reached that, else popularity (with the margin).
    const floor = top.ndcg10 >= 2.2 * wide.popularityNdcg10 ? 2.2 * wide.popularityNdcg10 : 1.1 * wide.popularityNdcg10;
    expect(chosen.ndcg10).toBeGreaterThanOrEqual(Math.min(top.ndcg10, floor));
    for (const f of measured) expect(f.ndcg10).toBeGreaterThanOrEqual(Math.min(top.ndcg10, floor));

    // No loss allowed: the most accurate stays, whatever its coverage.
    const strict = selectByValidation(ratings, scale, { seed: 2, coverageGoal: 1.01, coverageTolerance: 0 });
    expect(strict.popularityDiscount).toBe(top.popularityDiscount);
  });

  it('when run twice with one seed, then it gives the same figures', () => {
    const ratings = clashingTastes(5);
    expect(selectByValidation(ratings, { min: 0.5, max: 5 }, { seed: 3 })).toEqual(selectByValidation(ratings, { min: 0.5, max: 5 }, { seed: 3 }));
  });

  it('when coverage is measured, then it counts the users an evaluation would: only people with a liked rating, nearly all of those with many', () => {
    const ratings = clashingTastes(7);
    const threshold = 0.5 + 0.75 * 4.5;
    const liked = (u: number): number => {
      let n = 0;
      for (let p = ratings.indptr[u]!; p < ratings.indptr[u + 1]!; p += 1) if (ratings.values[p]! >= threshold) n += 1;
      return n;
    };
    const counted = likelyEvaluatedUsers(ratings, threshold, 1);
    expect(counted).toEqual(likelyEvaluatedUsers(ratings, threshold, 1));
    for (const u of counted) expect(liked(u)).toBeGreaterThan(0);
    const eligible = Array.from({ length: ratings.rows }, (_, u) => u).filter((u) => liked(u) > 0);
    const many = eligible.filter((u) => liked(u) >= 15);
    expect(many.length).toBeGreaterThan(20);
    expect(many.filter((u) => counted.includes(u)).length).toBeGreaterThanOrEqual(0.9 * many.length);
    // People with a single liked rating are counted about one time in five.
    const one = eligible.filter((u) => liked(u) === 1);
    expect(one.length).toBeGreaterThanOrEqual(10);
    expect(one.filter((u) => counted.includes(u)).length).toBeLessThan(0.6 * one.length);
  });
});
