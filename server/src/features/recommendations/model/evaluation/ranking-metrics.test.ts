import fc from 'fast-check';
import { ndcgAt, recallAt } from './ranking-metrics';

describe('ranking metrics (binary relevance)', () => {
  it('when the relevant items sit at ranks 1 and 3 of 2 relevant, then NDCG@10 is (1 + 1/2) / (1 + 1/log2 3)', () => {
    const expected = (1 + 1 / 2) / (1 + 1 / Math.log2(3));
    expect(ndcgAt(10, [7, 8, 9, 10], new Set([7, 9]))).toBeCloseTo(expected, 12);
  });

  it('when a relevant item is ranked 11th, then NDCG@10 ignores it and Recall@20 counts it', () => {
    const ranked = Array.from({ length: 20 }, (_, i) => i);
    const relevant = new Set([10, 99]);
    expect(ndcgAt(10, ranked, relevant)).toBe(0);
    expect(recallAt(20, ranked, relevant)).toBe(0.5);
  });

  it('when there are more relevant items than places, then the ideal DCG stops at k', () => {
    const ranked = Array.from({ length: 10 }, (_, i) => i);
    const relevant = new Set(Array.from({ length: 30 }, (_, i) => i));
    expect(ndcgAt(10, ranked, relevant)).toBeCloseTo(1, 12);
    expect(recallAt(20, ranked, relevant)).toBeCloseTo(10 / 30, 12);
  });

  it('when a single relevant item is at rank 2, then NDCG@10 is 1/log2(3)', () => {
    expect(ndcgAt(10, [1, 2, 3], new Set([2]))).toBeCloseTo(1 / Math.log2(3), 12);
  });

  it('when no item is relevant, then both metrics are 0', () => {
    expect(ndcgAt(10, [1, 2], new Set())).toBe(0);
    expect(recallAt(20, [1, 2], new Set())).toBe(0);
  });

  it('for any ranking, both metrics lie in [0, 1] and a perfect ranking scores 1', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 15 }),
        (ranked, rel) => {
          const relevant = new Set(rel);
          for (const v of [ndcgAt(10, ranked, relevant), recallAt(20, ranked, relevant)]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
          expect(ndcgAt(10, [...rel], relevant)).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});
