import { isIsrc, normaliseIsrc } from './isrc';

describe('normaliseIsrc', () => {
  it('when an ISRC is written with spaces, hyphens or lower case, then it is upper-cased and compacted', () => {
    expect(normaliseIsrc(' usrc17607839 ')).toBe('USRC17607839');
    expect(normaliseIsrc('US-RC1-76-07839')).toBe('USRC17607839');
    expect(normaliseIsrc('ISRC: GB-AYE-06-01690')).toBe('GBAYE0601690');
  });

  it('when the value is not an ISRC, then it is null', () => {
    for (const raw of ['', 'USRC1760783', 'USRC176078390', '12RC17607839', 'US!C17607839', null, undefined]) expect(normaliseIsrc(raw)).toBeNull();
  });
});

describe('isIsrc', () => {
  it('when a value is exactly a stored ISRC, then it is one; separators or lower case are not (normalise first)', () => {
    expect(isIsrc('USRC17607839')).toBe(true);
    for (const raw of ['usrc17607839', 'US-RC1-76-07839', ' USRC17607839', '']) expect(isIsrc(raw)).toBe(false);
  });
});
