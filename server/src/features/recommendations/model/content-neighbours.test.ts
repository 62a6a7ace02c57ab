import fc from 'fast-check';
import { buildItemFeatures, type ItemAttributes } from './content-similarity';
import { featureCosine, trainContentNeighbours } from './content-neighbours';
import type { CsrMatrix } from './sparse-matrix';
import { TopK } from './top-k';

/** Small vocabularies, so that items share features often and some features are common. */
const attributes: fc.Arbitrary<ItemAttributes | undefined> = fc.option(
  fc.record(
    {
      artist: fc.constantFrom('Björk', 'björk', 'Can', 'Neu!', 'ANOHNI'),
      genres: fc.uniqueArray(fc.constantFrom('Rock', 'Jazz', 'Electronic'), { maxLength: 2 }),
      styles: fc.uniqueArray(fc.constantFrom('Krautrock', 'Ambient', 'Shoegaze', 'Hard Bop'), { maxLength: 2 }),
      label: fc.constantFrom('Warp', '4AD', 'Blue Note'),
      year: fc.integer({ min: 1950, max: 2029 }),
    },
    { requiredKeys: [] },
  ),
  { freq: 8 },
);
const catalogues = fc.array(attributes, { minLength: 0, maxLength: 40 });

function rowOf(m: CsrMatrix, i: number): { item: number; score: number }[] {
  const out: { item: number; score: number }[] = [];
  for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p += 1) out.push({ item: m.indices[p]!, score: m.values[p]! });
  return out;
}

/** Every other item by exact cosine, best first, ties to the lower index: what the neighbours approximate. */
function bruteForce(features: CsrMatrix, i: number, k: number): { item: number; score: number }[] {
  const top = new TopK(k);
  for (let j = 0; j < features.rows; j += 1) {
    const similarity = featureCosine(features, i, j);
    if (j !== i && similarity > 0) top.push(j, similarity);
  }
  return top.sorted();
}

describe('content neighbours', () => {
  it('for any catalogue and bounds, then no item is its own neighbour, at most K are kept, each with its exact positive cosine, columns ascending', () => {
    fc.assert(
      fc.property(catalogues, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 20 }), (catalogue, neighbours, maxFeatureItems) => {
        const features = buildItemFeatures(catalogue);
        const { similarities: s } = trainContentNeighbours(features, { neighbours, maxFeatureItems });
        expect(s.rows).toBe(catalogue.length);
        expect(s.cols).toBe(catalogue.length);
        for (let i = 0; i < s.rows; i += 1) {
          const row = rowOf(s, i);
          expect(row.length).toBeLessThanOrEqual(neighbours);
          for (let n = 0; n < row.length; n += 1) {
            const { item, score } = row[n]!;
            expect(item).not.toBe(i);
            if (n > 0) expect(item).toBeGreaterThan(row[n - 1]!.item);
            expect(score).toBeGreaterThan(0);
            expect(score).toBeCloseTo(featureCosine(features, i, item), 5);
          }
        }
      }),
    );
  });

  it('for any catalogue, then the stored similarities are symmetric: j in i’s row and i in j’s carry the same value', () => {
    fc.assert(
      fc.property(catalogues, fc.integer({ min: 1, max: 8 }), (catalogue, maxFeatureItems) => {
        const { similarities: s } = trainContentNeighbours(buildItemFeatures(catalogue), { neighbours: 5, maxFeatureItems });
        const at = new Map<string, number>();
        for (let i = 0; i < s.rows; i += 1) for (const { item, score } of rowOf(s, i)) at.set(`${i}:${item}`, score);
        for (const [key, score] of at) {
          const [i, j] = key.split(':');
          const mirror = at.get(`${j}:${i}`);
          if (mirror !== undefined) expect(mirror).toBeCloseTo(score, 6);
        }
      }),
    );
  });

  it('for any catalogue, then training twice gives the same arrays', () => {
    fc.assert(
      fc.property(catalogues, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (catalogue, neighbours, maxFeatureItems) => {
        const features = buildItemFeatures(catalogue);
        const first = trainContentNeighbours(features, { neighbours, maxFeatureItems }).similarities;
        const second = trainContentNeighbours(features, { neighbours, maxFeatureItems }).similarities;
        expect(Array.from(second.indptr)).toEqual(Array.from(first.indptr));
        expect(Array.from(second.indices)).toEqual(Array.from(first.indices));
        expect(Array.from(second.values)).toEqual(Array.from(first.values));
      }),
    );
  });

  it('for any catalogue, when no feature is capped, then each row is exactly the top K by cosine (ties to the lower index)', () => {
    fc.assert(
      fc.property(catalogues, fc.integer({ min: 0, max: 12 }), (catalogue, neighbours) => {
        const features = buildItemFeatures(catalogue);
        const { similarities: s } = trainContentNeighbours(features, { neighbours, maxFeatureItems: catalogue.length });
        for (let i = 0; i < s.rows; i += 1) {
          const expected = bruteForce(features, i, neighbours).map((e) => e.item);
          expect(rowOf(s, i).map((r) => r.item)).toEqual(expected.sort((a, b) => a - b));
        }
      }),
    );
  });

  it('when a genre is shared by far more items than the cap, then same-artist items are still found first, with their exact cosine, and every row is full', () => {
    // 2,000 rock albums; albums 0, 700 and 1,999 are by one artist, the rest by artists of their own.
    const catalogue: ItemAttributes[] = Array.from({ length: 2000 }, (_, i) => ({
      artist: i === 0 || i === 700 || i === 1999 ? 'Can' : `artist ${i}`,
      genres: ['Rock'],
      year: 1970 + (i % 30),
    }));
    const features = buildItemFeatures(catalogue);
    const { similarities: s } = trainContentNeighbours(features, { neighbours: 10, maxFeatureItems: 50 });
    const row = rowOf(s, 0);
    expect(row.map((r) => r.item)).toEqual(expect.arrayContaining([700, 1999]));
    // The two same-artist albums lead, with their exact cosine.
    const best = [...row].sort((a, b) => b.score - a.score).slice(0, 2);
    expect(best.map((b) => b.item).sort((a, b) => a - b)).toEqual([700, 1999]);
    expect(best[0]!.score).toBeCloseTo(featureCosine(features, 0, best[0]!.item), 5);
    for (let i = 0; i < s.rows; i += 1) expect(s.indptr[i + 1]! - s.indptr[i]!).toBe(10);
  });

  it('when items have no attributes, then they have no neighbours and are nobody’s', () => {
    const { similarities: s } = trainContentNeighbours(buildItemFeatures([undefined, { genres: ['Jazz'] }, {}, { genres: ['jazz'] }]), {
      neighbours: 5,
      maxFeatureItems: 100,
    });
    expect(Array.from(s.indptr)).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(s.indices)).toEqual([3, 1]);
    expect(s.values[0]).toBeCloseTo(1, 6);
  });
});
