import fc from 'fast-check';
import { buildCsr, CooBuilder, transpose } from './sparse-matrix';

describe('sparse matrices', () => {
  it('when a (row, col) pair repeats, then the last value wins and columns come out ascending', () => {
    const coo = new CooBuilder();
    coo.push(0, 3, 1);
    coo.push(0, 1, 2);
    coo.push(1, 0, 5);
    coo.push(0, 3, 4);
    const m = buildCsr(2, 4, coo);
    expect(Array.from(m.indptr)).toEqual([0, 2, 3]);
    expect(Array.from(m.indices)).toEqual([1, 3, 0]);
    expect(Array.from(m.values)).toEqual([2, 4, 5]);
  });

  it('for any entries, then transposing twice gives the same matrix and every entry keeps its value', () => {
    const entry = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: -9, max: 9 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const coo = new CooBuilder();
        const last = new Map<string, number>();
        for (const [r, c, v] of entries) {
          coo.push(r, c, v);
          last.set(`${r},${c}`, v);
        }
        const m = buildCsr(7, 9, coo);
        expect(m.indices.length).toBe(last.size);
        const t = transpose(m);
        for (let c = 0; c < t.rows; c += 1) for (let p = t.indptr[c]!; p < t.indptr[c + 1]!; p += 1) expect(last.get(`${t.indices[p]},${c}`)).toBe(t.values[p]);
        const back = transpose(t);
        expect(Array.from(back.indptr)).toEqual(Array.from(m.indptr));
        expect(Array.from(back.indices)).toEqual(Array.from(m.indices));
        expect(Array.from(back.values)).toEqual(Array.from(m.values));
      }),
    );
  });
});
