import { selectByValidation } from './model-selection';
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

    // No loss allowed: the most accurate stays, whatever its coverage.
    const strict = selectByValidation(ratings, scale, { seed: 2, coverageGoal: 1.01, coverageTolerance: 0 });
    expect(strict.popularityDiscount).toBe(top.popularityDiscount);
  });

  it('when run twice with one seed, then it gives the same figures', () => {
    const ratings = clashingTastes(5);
    expect(selectByValidation(ratings, { min: 0.5, max: 5 }, { seed: 3 })).toEqual(selectByValidation(ratings, { min: 0.5, max: 5 }, { seed: 3 }));
  });
});
