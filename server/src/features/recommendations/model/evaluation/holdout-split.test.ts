import fc from 'fast-check';
import { resolveScale, splitRatings } from './holdout-split';
import { readRatingLines } from './ratings-csv';

const csv = (rows: string[]): string[] => ['userId,itemId,rating', ...rows];

describe('reading ratings and the hold-out split', () => {
  it('when rows are malformed, then they are skipped and counted, and other columns such as a timestamp are ignored', async () => {
    const table = await readRatingLines(['itemId,userId,rating,timestamp', 'a,u1,4,1', 'b,u1,x,2', ',u2,3,3', 'c,u2,5', '"d,e",u2,2.5,4', '', 'a,u2,,5']);
    expect(table.length).toBe(2);
    expect(table.badRows).toBe(4);
    expect(table.itemIds).toEqual(['a', 'd,e']);
    expect(Array.from(table.ratings.subarray(0, 2))).toEqual([4, 2.5]);
  });

  it('when the header does not name the three columns, then reading fails with a message naming them', async () => {
    await expect(readRatingLines(['user,item,stars', '1,2,3'])).rejects.toThrow(/userId, itemId and rating/);
  });

  it('when ratings fall outside the given scale, then they are dropped and counted; without a scale it is inferred', async () => {
    const table = await readRatingLines(csv(['u1,a,0', 'u1,b,5', 'u1,c,6', 'u2,a,3']));
    expect(resolveScale(table, {})).toEqual({ min: 0, max: 6 });
    expect(resolveScale(table, { max: 5 })).toEqual({ min: 0, max: 5 });
    const split = splitRatings(table, { min: 1, max: 5 }, 1);
    expect(split.outOfScale).toBe(2);
    expect(split.itemIds).toEqual(['b', 'a']);
    expect(split.threshold).toBe(4);
  });

  it('when a user rates an item twice, then the last rating counts once', async () => {
    const split = splitRatings(await readRatingLines(csv(['u1,a,1', 'u1,b,2', 'u1,a,5'])), { min: 1, max: 5 }, 1);
    expect(split.duplicates).toBe(1);
    const all = [...split.train.values, ...split.test.values].sort();
    expect(all).toEqual([2, 5]);
  });

  it('for any ratings, then each user keeps round(20 %) of their ratings aside (never all), the same for a seed whatever the row order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 1,
          maxLength: 120,
          selector: ([u, i]) => `${u}-${i}`,
        }),
        fc.integer(),
        async (pairs, seed) => {
          const rows = pairs.map(([u, i]) => `u${u},i${i},${1 + ((u + i) % 5)}`);
          const heldOut = async (lines: string[]): Promise<string[]> => {
            const split = splitRatings(await readRatingLines(csv(lines)), { min: 1, max: 5 }, seed);
            const out: string[] = [];
            for (let u = 0; u < split.test.rows; u += 1) {
              const train = split.train.indptr[u + 1]! - split.train.indptr[u]!;
              const test = split.test.indptr[u + 1]! - split.test.indptr[u]!;
              expect(test).toBe(Math.min(Math.round(0.2 * (train + test)), train + test - 1));
              for (let p = split.test.indptr[u]!; p < split.test.indptr[u + 1]!; p += 1)
                out.push(`${split.userIds[u]}/${split.itemIds[split.test.indices[p]!]}`);
            }
            return out.sort();
          };
          expect(await heldOut([...rows].reverse())).toEqual(await heldOut(rows));
        },
      ),
      { numRuns: 40 },
    );
  });
});
