import fc from 'fast-check';
import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
  it.each([
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=100-', 1000, { start: 100, end: 999 }],
    ['bytes=-10', 1000, { start: 990, end: 999 }],
    ['bytes=-5000', 1000, { start: 0, end: 999 }],
    ['bytes=990-5000', 1000, { start: 990, end: 999 }],
    ['bytes=0-99999999999999999999999999', 1000, { start: 0, end: 999 }],
    ['Bytes = 5 - 6', 1000, { start: 5, end: 6 }],
    ['bytes=999-999', 1000, { start: 999, end: 999 }],
  ])('when the header is %s on %i bytes, then it is a single range', (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });

  it.each([
    ['bytes=1000-', 1000],
    ['bytes=1000-2000', 1000],
    ['bytes=-0', 1000],
    ['bytes=0-', 0],
    ['bytes=-5', 0],
    ['bytes=99999999999999999999999999-', 1000],
  ])('when the header is %s on %i bytes, then it is unsatisfiable', (header, size) => {
    expect(parseByteRange(header, size)).toBe('unsatisfiable');
  });

  it.each(['', 'bytes=', 'bytes=-', 'bytes=abc', 'items=0-1', 'bytes=0-1,2-3', 'bytes=0-500,0-500', 'bytes=10-5', 'bytes=0x10-', 'bytes=1.5-2', 'bytes=٣-٤'])(
    'when the header is %p, then it is ignored and the whole body is sent',
    (header) => {
      expect(parseByteRange(header, 1000)).toBeNull();
    },
  );

  it('when any single range is satisfiable, then the answer lies inside the body', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(20_000), fc.option(fc.nat(20_000)), (size, first, last) => {
        const result = parseByteRange(`bytes=${first}-${last ?? ''}`, size);
        if (result === null) return last !== null && last < first;
        if (result === 'unsatisfiable') return first >= size;
        return result.start === first && result.end <= size - 1 && result.start <= result.end;
      }),
    );
  });
});
