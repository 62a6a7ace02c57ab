import { preferredEncoding } from './accept-encoding';

const both = ['br', 'gzip'] as const;

describe('preferredEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br', 'br'],
    ['BR, GZIP', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['*', 'br'],
    ['gzip;q=0.5, *;q=0.1', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ['gzip;q=0.5, br;q=0.8', 'br'],
    ['gzip ; q=1.0 , br ; q=0.999', 'gzip'],
    ['*;q=0, gzip', 'gzip'],
    ['identity;q=1, br;q=0.5', 'identity'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['gzip;q=nonsense, br', 'br'],
  ])('when Accept-Encoding is %j, then it picks %s', (header, expected) => {
    expect(preferredEncoding(header, both)).toBe(expected);
  });

  it('when the file has only a gzip copy, then a client asking for br first gets gzip', () => {
    expect(preferredEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(preferredEncoding('br', ['gzip'])).toBe('identity');
  });

  it('when the file has no compressed copy, then it answers identity', () => {
    expect(preferredEncoding('br, gzip', [])).toBe('identity');
  });
});
