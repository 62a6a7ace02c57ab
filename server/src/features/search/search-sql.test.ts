import { containsPattern, startsWithPattern } from './search-sql';
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
