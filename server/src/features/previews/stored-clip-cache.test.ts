import { StoredClipCache } from './stored-clip-cache';

describe('StoredClipCache', () => {
  it('when entries age past the TTL or the cache is full, then the old ones are gone', () => {
    let now = 0;
    const cache = new StoredClipCache(2, 1000, () => now);
    cache.set('1', 'a.m4a');
    cache.set('2', 'b.m4a');
    expect(cache.get('1')).toBe('a.m4a');
    cache.set('3', 'c.m4a');
    expect([cache.get('1'), cache.get('2'), cache.get('3')]).toEqual([null, 'b.m4a', 'c.m4a']);
    now = 1000;
    expect(cache.get('2')).toBeNull();
    cache.set('2', 'b.m4a');
    cache.delete('2');
    expect(cache.get('2')).toBeNull();
  });
});
