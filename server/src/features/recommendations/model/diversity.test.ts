import fc from 'fast-check';
import { diversify } from './diversity';

const list = (items: number[]): { itemIndex: number }[] => items.map((itemIndex) => ({ itemIndex }));

describe('diversify', () => {
  it('when the ten best items are all by one artist, then the top 10 holds two of them and eight by others', () => {
    const artist = (i: number): string => (i < 10 ? 'radiohead' : `artist-${i}`);
    const out = diversify(list(Array.from({ length: 30 }, (_, i) => i)), artist, { k: 10, maxPerArtist: 2 });
    expect(out.map((r) => r.itemIndex)).toEqual([0, 1, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it('when only one artist is left, then its waiting items fill the list in their order', () => {
    const out = diversify(list([0, 1, 2, 3, 4]), (i) => (i === 4 ? 'b' : 'a'), { k: 5, maxPerArtist: 2 });
    expect(out.map((r) => r.itemIndex)).toEqual([0, 1, 4, 2, 3]);
  });

  it('for any list, then the result is a sub-list of the input with no artist over the cap while others wait', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (items, k, cap) => {
          const artist = (i: number): number => i % 4;
          const out = diversify(list(items), artist, { k, maxPerArtist: cap });
          expect(out.length).toBe(Math.min(k, items.length));
          expect(new Set(out.map((r) => r.itemIndex)).size).toBe(out.length);
          for (const r of out) expect(items).toContain(r.itemIndex);
          const counts = new Map<number, number>();
          for (const r of out) counts.set(artist(r.itemIndex), (counts.get(artist(r.itemIndex)) ?? 0) + 1);
          const unused = items.filter((i) => !out.some((r) => r.itemIndex === i));
          // An artist goes over the cap only when every item left out is by an artist at its cap.
          if ([...counts.values()].some((n) => n > cap)) for (const i of unused) expect(counts.get(artist(i)) ?? 0).toBeGreaterThanOrEqual(cap);
        },
      ),
    );
  });
});
