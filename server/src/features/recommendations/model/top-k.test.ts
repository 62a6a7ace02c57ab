import fc from 'fast-check';
import { TopK } from './top-k';

describe('TopK', () => {
  it('for any scores, then it keeps exactly the k best of a full sort, best first, ties by lower index', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 80 }), fc.integer({ min: 0, max: 12 }), (scores, k) => {
        const top = new TopK(k);
        scores.forEach((s, item) => top.push(item, s));
        const expected = scores
          .map((score, item) => ({ item, score }))
          .sort((a, b) => b.score - a.score || a.item - b.item)
          .slice(0, k);
        expect(top.sorted()).toEqual(expected);
      }),
    );
  });

  it('when candidates arrive in another order, then the result is the same', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }), (scores) => {
        const forward = new TopK(5);
        const backward = new TopK(5);
        scores.forEach((s, item) => forward.push(item, s));
        [...scores.entries()].reverse().forEach(([item, s]) => backward.push(item, s));
        expect(backward.sorted()).toEqual(forward.sorted());
      }),
    );
  });
});
