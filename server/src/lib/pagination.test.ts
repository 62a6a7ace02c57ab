import fc from 'fast-check';
import { z } from 'zod';
import { pageQuery } from '@muse/shared';
import { cutPage, DateKey, decodeCursor, decodeOptionalCursor, encodeCursor, IdKey, rowsToRead, TimestampKey, toPage, UuidKey } from './pagination';

const keys = z.tuple([TimestampKey, IdKey]);

describe('pagination', () => {
  test('when a cursor is encoded, then decoding it for the same kind gives its keys back', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.bigInt(1n, 10n ** 17n),
        (at, id) => {
          const ts = `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 19)}.000000`;
          expect(decodeCursor(encodeCursor('k', [ts, String(id)]), 'k', keys)).toEqual([ts, String(id)]);
        },
      ),
    );
  });

  test.each([
    ['another kind', encodeCursor('other', ['2024-01-01 00:00:00.000000', '1'])],
    ['year 0000', encodeCursor('k', ['0000-01-01 00:00:00.000000', '1'])],
    ['a day that does not exist', encodeCursor('k', ['2023-02-29 00:00:00.000000', '1'])],
    ['a zero id', encodeCursor('k', ['2024-01-01 00:00:00.000000', '0'])],
    ['not base64 JSON', '%%%'],
    ['empty', ''],
  ])('when the cursor is %s, then it is a 400 invalid_cursor', (_name, cursor) => {
    expect(() => decodeCursor(cursor, 'k', keys)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_cursor' }));
  });

  test('when no cursor is given, then the first page is asked for', () => {
    expect(decodeOptionalCursor(undefined, 'k', keys)).toBeUndefined();
  });

  test('when keys are checked alone, then dates outside years 1..9999 and malformed uuids are refused', () => {
    expect(DateKey.safeParse('0000-12-31').success).toBe(false);
    expect(DateKey.safeParse('2024-02-29').success).toBe(true);
    expect(UuidKey.safeParse('6f1c0a4e-1f0b-4c1a-9c55-0d9f1b2a3c4d').success).toBe(true);
    expect(UuidKey.safeParse('6F1C0A4E').success).toBe(false);
  });

  test('when a page is read with its look-ahead row, then toPage shows `limit` rows and continues after the last shown', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 25 }), (limit, available) => {
        const rows = Array.from({ length: Math.min(available, rowsToRead(limit)) }, (_, i) => i);
        const page = toPage(
          rows,
          limit,
          (n) => n * 10,
          (last) => `after:${last}`,
        );
        expect(page.items).toEqual(rows.slice(0, limit).map((n) => n * 10));
        expect(page.nextCursor).toBe(available > limit ? `after:${limit - 1}` : null);
      }),
    );
  });

  test('when rows are cut for a list presented by further reads, then cutPage keeps `limit` rows and names the last only when more follow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 25 }), (limit, available) => {
        const rows = Array.from({ length: Math.min(available, rowsToRead(limit)) }, (_, i) => ({ id: i }));
        const { shown, continueAfter } = cutPage(rows, limit);
        expect(shown).toEqual(rows.slice(0, limit));
        expect(continueAfter).toBe(available > limit ? rows[limit - 1] : undefined);
      }),
    );
  });

  test('when a page query is parsed, then limits are bounded, defaulted and cursors capped', () => {
    const schema = pageQuery({ default: 20, max: 50 });
    expect(schema.parse({})).toEqual({ limit: 20 });
    expect(schema.parse({ limit: '7', cursor: 'abc' })).toEqual({ limit: 7, cursor: 'abc' });
    for (const bad of [{ limit: '0' }, { limit: '51' }, { limit: '1.5' }, { limit: 'x' }, { cursor: 'c'.repeat(201) }])
      expect(schema.safeParse(bad).success).toBe(false);
  });
});
