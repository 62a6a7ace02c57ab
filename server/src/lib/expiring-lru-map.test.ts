import { ExpiringLruMap } from './expiring-lru-map';

describe('ExpiringLruMap', () => {
  it('when a value reaches its time to live, then it is gone and no longer counted', () => {
    let now = 1_000;
    const map = new ExpiringLruMap<string, string>(10, 500, () => now);
    map.set('a', 'first');
    now += 499;
    expect(map.get('a')).toBe('first');
    now += 1;
    expect(map.get('a')).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('when a value is set again, then its time to live starts over', () => {
    let now = 0;
    const map = new ExpiringLruMap<string, number>(10, 100, () => now);
    map.set('a', 1);
    now = 90;
    map.set('a', 2);
    now = 150;
    expect(map.get('a')).toBe(2);
  });

  it('when more is kept than fits, then the least recently used goes first, fresh or not', () => {
    const map = new ExpiringLruMap<string, number>(2, 60_000);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 3]);
    expect(map.delete('a')).toBe(true);
    expect(map.get('a')).toBeUndefined();
  });

  it('when values weigh, then what is kept stays within the total weight, the least recently used going first', () => {
    const map = new ExpiringLruMap<string, string>(10, 60_000, undefined, (value) => value.length);
    map.set('a', 'xxxx');
    map.set('b', 'yyyy');
    map.set('c', 'zzzz');
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([undefined, 'yyyy', 'zzzz']);
    map.set('d', 'w'.repeat(11));
    expect(map.get('d')).toBeUndefined();
    expect(map.get('b')).toBe('yyyy');
  });
});
