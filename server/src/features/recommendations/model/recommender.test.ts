import fc from 'fast-check';
import { buildItemFeatures } from './content-similarity';
import { DEFAULT_ITEM_NEIGHBOUR_OPTIONS, trainItemNeighbours } from './item-neighbours';
import { buildCsr, CooBuilder, type CsrMatrix } from './sparse-matrix';
import { interactionsFromRatings, MODEL_METHODS, train } from './train';

const SCALE = { min: 1, max: 5 };

/** Users × items ratings 1..5 from [user, item, rating] triples. */
function ratingsMatrix(users: number, items: number, triples: readonly (readonly [number, number, number])[]): CsrMatrix {
  const coo = new CooBuilder();
  for (const [u, i, r] of triples) coo.push(u, i, r);
  return buildCsr(users, items, coo);
}

const USERS = 8;
const ITEMS = 12;
const triple = fc.tuple(fc.integer({ min: 0, max: USERS - 1 }), fc.integer({ min: 0, max: ITEMS - 1 }), fc.integer({ min: 1, max: 5 }));
const ratingSets = fc.array(triple, { minLength: 1, maxLength: 60 });
const methods = fc.constantFrom(...MODEL_METHODS);
const schemes = fc.constantFrom('binary' as const, 'graded' as const, 'positive' as const, 'signed' as const);

describe('recommendation model', () => {
  it('for any ratings, then no rated or excluded item is recommended, scores are finite and "because" names only rated items', () => {
    fc.assert(
      fc.property(
        ratingSets,
        methods,
        schemes,
        fc.integer({ min: 0, max: USERS - 1 }),
        fc.uniqueArray(fc.integer({ min: 0, max: ITEMS - 1 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: ITEMS }),
        (triples, method, scheme, user, excluded, k) => {
          const ratings = ratingsMatrix(USERS, ITEMS, triples);
          const model = train(interactionsFromRatings(ratings, SCALE, scheme), {
            method,
            itemNeighbours: { ...DEFAULT_ITEM_NEIGHBOUR_OPTIONS, neighbours: 5 },
          });
          const rated = new Set(Array.from(ratings.indices.subarray(ratings.indptr[user]!, ratings.indptr[user + 1]!)));
          const recs = model.recommend(user, { k, exclude: new Set(excluded) });
          expect(recs.length).toBeLessThanOrEqual(k);
          expect(new Set(recs.map((r) => r.itemIndex)).size).toBe(recs.length);
          for (const r of recs) {
            expect(rated.has(r.itemIndex)).toBe(false);
            expect(excluded).not.toContain(r.itemIndex);
            expect(Number.isFinite(r.score)).toBe(true);
            for (const b of r.because) expect(rated.has(b)).toBe(true);
          }
          // Best first.
          for (let n = 1; n < recs.length; n += 1) expect(recs[n]!.score).toBeLessThanOrEqual(recs[n - 1]!.score);
          // Every unrated, non-excluded item can be ranked: the list is only short when they run out.
          expect(recs.length).toBe(Math.min(k, ITEMS - new Set([...rated, ...excluded]).size));
        },
      ),
    );
  });

  it('for any ratings and seed, then training twice and asking twice gives the same list', () => {
    fc.assert(
      fc.property(ratingSets, methods, fc.integer(), fc.integer({ min: 0, max: USERS - 1 }), (triples, method, seed, user) => {
        const ratings = ratingsMatrix(USERS, ITEMS, triples);
        const first = train(interactionsFromRatings(ratings, SCALE), { method, seed }).recommend(user, { k: 6, seed });
        const second = train(interactionsFromRatings(ratings, SCALE), { method, seed }).recommend(user, { k: 6, seed });
        expect(second).toEqual(first);
      }),
    );
  });

  it('for any ratings, then item similarities are symmetric while no neighbour is pruned and no popularity penalty applies', () => {
    fc.assert(
      fc.property(ratingSets, schemes, fc.integer({ min: 0, max: 20 }), (triples, scheme, shrink) => {
        const { userItems } = interactionsFromRatings(ratingsMatrix(USERS, ITEMS, triples), SCALE, scheme);
        const { similarities: s } = trainItemNeighbours(userItems, { ...DEFAULT_ITEM_NEIGHBOUR_OPTIONS, neighbours: ITEMS, shrink, popularityPenalty: 0 });
        const at = (i: number, j: number): number => {
          for (let p = s.indptr[i]!; p < s.indptr[i + 1]!; p += 1) if (s.indices[p] === j) return s.values[p]!;
          return 0;
        };
        for (let i = 0; i < ITEMS; i += 1) {
          expect(at(i, i)).toBe(0);
          for (let j = 0; j < ITEMS; j += 1) expect(at(i, j)).toBeCloseTo(at(j, i), 6);
        }
      }),
    );
  });

  it('when two groups of users love different items, then each user is recommended the unrated item of their own group, because of their own ratings', () => {
    // Users 0-3 love items 0-2, users 4-7 love items 3-5; user 0 and user 4 each miss one.
    const triples: [number, number, number][] = [];
    for (let u = 0; u < 8; u += 1) {
      const own = u < 4 ? [0, 1, 2] : [3, 4, 5];
      for (const i of own) if (!((u === 0 && i === 2) || (u === 4 && i === 5))) triples.push([u, i, 5]);
      triples.push([u, 6 + (u % 2), 3]);
    }
    const model = train(interactionsFromRatings(ratingsMatrix(8, 8, triples), SCALE));
    const [forZero] = model.recommend(0, { k: 3 });
    const [forFour] = model.recommend(4, { k: 3 });
    expect(forZero!.itemIndex).toBe(2);
    expect(forZero!.because).toEqual(expect.arrayContaining([0, 1]));
    expect(forFour!.itemIndex).toBe(5);
    expect(model.similarItems(0, 2).map((s) => s.itemIndex)).toEqual(expect.arrayContaining([1, 2]));
  });

  it('when a user rated nothing, then they get the most liked items, best first, with no reasons', () => {
    const ratings = ratingsMatrix(4, 5, [
      [0, 3, 5],
      [1, 3, 5],
      [2, 3, 4],
      [0, 1, 5],
      [1, 1, 5],
      [2, 4, 5],
    ]);
    const model = train(interactionsFromRatings(ratings, SCALE));
    const recs = model.recommend(3, { k: 3 });
    expect(recs.map((r) => r.itemIndex)).toEqual([3, 1, 4]);
    expect(recs.every((r) => r.because.length === 0)).toBe(true);
    expect(model.recommend(99, { k: 2 }).map((r) => r.itemIndex)).toEqual([3, 1]);
  });

  it('when a user only logged listens of an album, then it counts as a positive signal and is never recommended back', () => {
    // Users 0-2 love items 0 and 1; user 3 rated nothing but listened to item 0 three times.
    const ratings = ratingsMatrix(4, 4, [
      [0, 0, 5],
      [0, 1, 5],
      [1, 0, 5],
      [1, 1, 4],
      [2, 0, 5],
      [2, 1, 5],
      [0, 2, 5],
      [1, 3, 5],
      [2, 3, 5],
    ]);
    const listens = ratingsMatrix(4, 4, [[3, 0, 3]]);
    const { userItems } = interactionsFromRatings(ratings, SCALE, 'signed', listens);
    expect(Array.from(userItems.indices.subarray(userItems.indptr[3]!, userItems.indptr[4]!))).toEqual([0]);
    const recs = train({ userItems }).recommend(3, { k: 3 });
    expect(recs.map((r) => r.itemIndex)).not.toContain(0);
    expect(recs[0]).toMatchObject({ itemIndex: 1, because: [0] });
  });

  describe('content fallback', () => {
    // Items 0-2 by Radiohead (art rock, 2000s), 3-4 by Björk (electronic), 5 an unrated Radiohead album.
    const features = buildItemFeatures([
      { artist: 'Radiohead', genres: ['Rock'], styles: ['Art Rock'], year: 2000 },
      { artist: 'Radiohead', genres: ['Rock'], styles: ['Art Rock'], year: 2001 },
      { artist: 'Radiohead', genres: ['Rock'], styles: ['Art Rock'], year: 2003 },
      { artist: 'Björk', genres: ['Electronic'], year: 1997 },
      { artist: 'Björk', genres: ['Electronic'], year: 2001 },
      { artist: 'radiohead', genres: ['rock'], styles: ['art rock'], year: 2007 },
    ]);
    // Everyone who rated anything rated the Björk albums highly: popularity points to Björk.
    const ratings = ratingsMatrix(5, 6, [
      [0, 3, 5],
      [0, 4, 5],
      [1, 3, 5],
      [1, 4, 4],
      [2, 0, 5],
      [2, 3, 5],
    ]);

    it('when a new user rated one Radiohead album, then the other Radiohead albums come first, even the unrated one, because of that album', () => {
      const model = train(interactionsFromRatings(ratings, SCALE), { itemFeatures: features });
      const recs = model.recommendForProfile({ items: [1], weights: [1] }, { k: 4 });
      expect(
        recs
          .slice(0, 3)
          .map((r) => r.itemIndex)
          .sort(),
      ).toEqual([0, 2, 5]);
      for (const r of recs.slice(0, 3)) expect(r.because).toEqual([1]);
    });

    it('when each item keeps one content neighbour, then a one-album profile reaches just that one by content and the rest is the unexplained popular fill', () => {
      const model = train(interactionsFromRatings(ratings, SCALE), { itemFeatures: features, contentNeighbours: { neighbours: 1, maxFeatureItems: 100 } });
      const recs = model.recommendForProfile({ items: [1], weights: [1] }, { k: 4 });
      // Items 0, 2 and 5 tie with album 1 (same artist, genre, style and decade): the lowest index is kept.
      expect(recs[0]).toMatchObject({ itemIndex: 0, because: [1] });
      expect(recs[0]!.score).toBeGreaterThan(0);
      expect(recs.slice(1).map((r) => [r.itemIndex, r.score, r.because.length])).toEqual([
        [3, 0, 0],
        [4, 0, 0],
        [2, 0, 0],
      ]);
    });

    it('when an album has no ratings, then its similar albums come from its attributes', () => {
      const model = train(interactionsFromRatings(ratings, SCALE), { itemFeatures: features });
      expect(
        model
          .similarItems(5, 3)
          .map((s) => s.itemIndex)
          .sort(),
      ).toEqual([0, 1, 2]);
    });
  });
});
