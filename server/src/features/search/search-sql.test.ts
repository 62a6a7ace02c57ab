import { containsPattern, prefixEnd, toPositional } from './search-sql';

describe('search patterns', () => {
  it('when the text has several words, then "contains" looks for the longest one, letters of any script included', () => {
    expect(containsPattern('the persuader')).toBe('%persuader%');
    expect(containsPattern('東京事変 ab')).toBe('%東京事変%');
    expect(containsPattern('!!')).toBe('%%');
  });
});

describe('prefixEnd', () => {
  it('when the text ends in an ordinary letter, then the range ends at that letter moved one code point up', () => {
    expect(prefixEnd('bjork')).toBe('bjorl');
    expect(prefixEnd('ab ')).toBe('ab!');
    expect(prefixEnd('東京')).toBe('東亭');
  });

  it('when the last character is the highest code point or just below the surrogates, then the end stays a valid string above the range', () => {
    expect(prefixEnd('a\u{10ffff}')).toBe('b');
    expect(prefixEnd('a\ud7ff')).toBe('a\ue000');
  });
});

describe('toPositional', () => {
  it('when a name repeats, then it is one parameter read through a typed sub-select, and casts are left alone', () => {
    const { text, values } = toPositional(`SELECT :text::text, CAST(:limit AS int), :text`, { text: 'bjork', limit: 8, unused: 'x' });
    expect(text).toBe('SELECT (SELECT $1::text)::text, CAST((SELECT $2::int) AS int), (SELECT $1::text)');
    expect(values).toEqual(['bjork', 8]);
  });

  it('when a placeholder has no binding, then it throws rather than sending a broken statement', () => {
    expect(() => toPositional('SELECT :missing', {})).toThrow(/missing/);
  });
});
