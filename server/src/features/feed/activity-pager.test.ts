import fc from 'fast-check';
import { batchSize, nextBatchSize } from './activity-pager';

describe('round sizes of an activity page', () => {
  it('when items fold many activities, then the next round asks for enough to finish the page in one read', () => {
    // 20 items wanted, 6 found after reading 35 candidates (about 6 each): 15 more items need about 90.
    expect(nextBatchSize(batchSize(20), 20, 6, 35)).toBeGreaterThanOrEqual(15 * (35 / 6));
  });

  it('when nothing was found yet, then the next round still grows, bounded by the most one round reads', () => {
    expect(nextBatchSize(35, 20, 0, 35)).toBe(200);
  });

  it('for any progress, then the next round is never smaller than the last nor larger than 200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 1000 }), (limit, items, read) => {
        const current = batchSize(limit);
        const next = nextBatchSize(current, limit, items, read);
        expect(next).toBeGreaterThanOrEqual(current);
        expect(next).toBeLessThanOrEqual(200);
      }),
    );
  });
});
