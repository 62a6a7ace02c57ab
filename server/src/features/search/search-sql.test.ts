import { containsPattern, prefixEnd, startsWithPattern, toPositional } from './search-sql';
import { fuzzyThreshold } from './search.repo';

describe('search patterns', () => {
  it('when the text holds LIKE wildcards or backslashes, then the pattern matches them literally', () => {
    expect(startsWithPattern('100%_a\\b')).toBe('100\\%\\_a\\\\b%');
  });

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

describe('fuzzyThreshold', () => {
  it('when the query is a 5-letter word (6 trigrams), then one transposition (2 of 6 kept, 0.333) is admitted', () => {
    const threshold = fuzzyThreshold(6);
    expect(threshold).toBeLessThanOrEqual(2 / 6);
    expect(threshold).toBeGreaterThanOrEqual(0.3);
  });

  it('when the query is long, then the threshold rises to 0.6 and never beyond; without trigrams it is 0.6', () => {
    expect(fuzzyThreshold(10)).toBeCloseTo(0.595, 3);
    expect(fuzzyThreshold(40)).toBe(0.6);
    expect(fuzzyThreshold(3)).toBe(0.3);
    expect(fuzzyThreshold(0)).toBe(0.6);
  });
});
