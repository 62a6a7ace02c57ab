import fc from 'fast-check';
import { LruMap } from './lru-map';

describe('LruMap', () => {
  it('when more is kept than fits, then the least recently used goes first', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.peek('b')).toBeUndefined();
    expect([lru.peek('a'), lru.peek('c')]).toEqual([1, 3]);
  });

  it('when a value is only peeked at, then it does not count as used', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.peek('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.peek('a')).toBeUndefined();
  });

  it('when values have weights, then the total stays within the capacity and a value heavier than it is not kept', () => {
    const lru = new LruMap<string, string>(10, (v) => v.length);
    lru.set('a', 'xxxx');
    lru.set('b', 'xxxx');
    lru.set('c', 'xxxx');
    expect(lru.peek('a')).toBeUndefined();
    expect(lru.heldWeight).toBe(8);
    lru.set('huge', 'x'.repeat(11));
    expect(lru.peek('huge')).toBeUndefined();
    expect(lru.heldWeight).toBe(8);
    lru.set('b', 'xx');
    expect(lru.heldWeight).toBe(6);
    expect(lru.delete('b')).toBe(true);
    expect(lru.delete('b')).toBe(false);
    expect(lru.heldWeight).toBe(4);
  });

  it('whatever is done to it, the weight held is the sum of what is kept and never above the capacity', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 9 }), weight: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constantFrom('get' as const, 'delete' as const), key: fc.integer({ min: 0, max: 9 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const lru = new LruMap<number, number>(12, (w) => w);
        for (const o of ops) {
          if (o.kind === 'set') lru.set(o.key, o.weight);
          else if (o.kind === 'get') lru.get(o.key);
          else lru.delete(o.key);
        }
        let sum = 0;
        for (let k = 0; k < 10; k++) sum += lru.peek(k) ?? 0;
        expect(lru.heldWeight).toBe(sum);
        expect(sum).toBeLessThanOrEqual(12);
      }),
    );
  });
});
