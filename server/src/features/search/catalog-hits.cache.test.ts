import { CATALOG_HITS_ROWS_KEPT, CatalogHitsCache, type CatalogHits } from './catalog-hits.cache';

/** A kept answer of `rows` album rows (their content does not matter to the cache). */
const answer = (rows: number): CatalogHits =>
  ({ prepared: null, hits: { albums: Array.from({ length: rows }, (_, i) => ({ id: String(i) })), artists: [], tracks: [] } }) as unknown as CatalogHits;

describe('CatalogHitsCache', () => {
  it('when answers of the largest size keep coming, then the rows kept stay within the bound, the oldest answers going first', () => {
    const cache = new CatalogHitsCache();
    const big = 150;
    const fits = Math.floor(CATALOG_HITS_ROWS_KEPT / (big + 1));
    for (let i = 0; i <= fits; i++) cache.set(`q${i}`, answer(big));
    expect(cache.get('q0')).toBeNull();
    expect(cache.get('q1')?.hits.albums).toHaveLength(big);
    expect(cache.get(`q${fits}`)?.hits.albums).toHaveLength(big);
  });

  it('when answers are small, then thousands are kept at once', () => {
    const cache = new CatalogHitsCache();
    for (let i = 0; i < 5_000; i++) cache.set(`q${i}`, answer(8));
    expect(cache.get('q0')?.hits.albums).toHaveLength(8);
  });
});
