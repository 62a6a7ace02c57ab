import { z } from 'zod';
import { ProviderError } from './music-provider.port';
import { cursorFromNext, offsetFromCursor, parseAnswer } from './parse-answer';
import { streamPages } from './page-stream';

describe('cursors', () => {
  it("when a service's next link is absolute or relative, then the cursor is its offset", () => {
    expect(cursorFromNext('https://api.spotify.com/v1/playlists/x/items?offset=100&limit=100')).toBe('100');
    expect(cursorFromNext('/v1/me/library/playlists?offset=25')).toBe('25');
    expect(cursorFromNext(null)).toBeNull();
    expect(cursorFromNext('/v1/x?offset=abc')).toBeNull();
  });

  it('when a next link does not move forward, then the list ends', () => {
    expect(cursorFromNext('/v1/x?offset=100', '100')).toBeNull();
    expect(cursorFromNext('/v1/x?offset=50', 100)).toBeNull();
    expect(cursorFromNext('/v1/x?offset=200', '100')).toBe('200');
  });

  it('when a cursor is not an offset, then it is refused before any call', () => {
    expect(offsetFromCursor(undefined)).toBe(0);
    expect(offsetFromCursor('300')).toBe(300);
    for (const bad of ['-1', '1e3', 'abc', '12345678', ' 1', '１']) expect(() => offsetFromCursor(bad)).toThrow(RangeError);
  });

  it('when a service repeats a cursor, then streaming stops instead of looping', async () => {
    let calls = 0;
    const pages = [];
    for await (const items of streamPages(async () => ({ items: [++calls], next: '5', total: null }))) pages.push(items);
    expect(pages).toEqual([[1], [2]]);
  });
});

describe('parseAnswer', () => {
  it('when the answer lacks a field the adapter reads, then bad_response names the field', () => {
    const schema = z.object({ items: z.array(z.object({ id: z.string() })) });
    expect(parseAnswer(schema, { items: [{ id: 'a', extra: 1 }] }, 'GET /x')).toEqual({ items: [{ id: 'a' }] });
    const err = (() => {
      try {
        parseAnswer(schema, { items: [{ id: 5 }] }, 'GET /x');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'bad_response', endpoint: 'GET /x' });
    expect((err as Error).message).toContain('items.0.id');
  });
});
