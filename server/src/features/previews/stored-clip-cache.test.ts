import { StoredClipCache } from './stored-clip-cache';

describe('StoredClipCache', () => {
  it('when entries age past the TTL or the cache is full, then the least recently played and the expired ones are gone', () => {
    let now = 0;
    const cache = new StoredClipCache(2, 1000, () => now);
    cache.set('1', 'a.m4a');
    cache.set('2', 'b.m4a');
    expect(cache.get('1')).toBe('a.m4a');
    cache.set('3', 'c.m4a');
    // '1' was played since '2' was kept: '2' goes.
    expect([cache.get('1'), cache.get('2'), cache.get('3')]).toEqual(['a.m4a', null, 'c.m4a']);
    now = 1000;
    expect(cache.get('1')).toBeNull();
    cache.set('2', 'b.m4a');
    cache.delete('2');
    expect(cache.get('2')).toBeNull();
  });
});
