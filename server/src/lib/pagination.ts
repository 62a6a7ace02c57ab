import { z } from 'zod';
import type { Page } from '@muse/shared';
import { AppError } from './app-error';

/**
 * The one way lists page: opaque keyset cursors (base64url of a JSON array whose first element
 * names the ordering, so a cursor from one list or sort order is refused by another instead of
 * silently misread), a look-ahead row to know whether another page follows, and `toPage` to cut
 * it off. Page query schemas (`cursor`, `limit`) come from `pageQuery` in `@muse/shared`.
 */
export function encodeCursor(kind: string, keys: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify([kind, ...keys])).toString('base64url');
}

/** The 400 every list answers for a cursor it did not make. */
function invalidCursor(): AppError {
  return AppError.badRequest('invalid_cursor', 'The page cursor is not valid.', [{ path: 'cursor', message: 'Invalid cursor' }]);
}

/** Decodes a cursor made by encodeCursor for `kind`; anything else is a 400 `invalid_cursor`. */
export function decodeCursor<T extends z.ZodTuple>(cursor: string, kind: string, keys: T): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = null;
  }
  const parsed = z
    .tuple([z.literal(kind)])
    .rest(z.unknown())
    .safeParse(raw);
  const rest = parsed.success ? keys.safeParse(parsed.data.slice(1)) : null;
  if (!rest?.success) throw invalidCursor();
  return rest.data as z.infer<T>;
}

/** Decodes an optional cursor: undefined when the client asked for the first page. */
export function decodeOptionalCursor<T extends z.ZodTuple>(cursor: string | undefined, kind: string, keys: T): z.infer<T> | undefined {
  return cursor === undefined ? undefined : decodeCursor(cursor, kind, keys);
}

/** A bigint id as a decimal string. */
export const IdKey = z.string().regex(/^[1-9][0-9]{0,17}$/);

/** A non-negative bigint sequence number as a decimal string. */
export const SeqKey = z.string().regex(/^(0|[1-9][0-9]{0,17})$/);

/** A UUID in lower case (document-store ids). */
export const UuidKey = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/**
 * Whether `YYYY-MM-DDTHH:MM:SS` is a real instant in years 1 to 9999. JavaScript accepts year 0,
 * which Postgres refuses, so a cursor holding it would fail in the query instead of here.
 */
function isStorableInstant(iso: string): boolean {
  const d = new Date(`${iso}Z`);
  return Number(iso.slice(0, 4)) >= 1 && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === iso;
}

/** A Postgres timestamp as `YYYY-MM-DD HH:MM:SS.ffffff` (UTC), microseconds kept so no row is skipped. */
export const TimestampKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/)
  .refine((s) => isStorableInstant(`${s.slice(0, 10)}T${s.slice(11, 19)}`));

/** A calendar day as `YYYY-MM-DD`, in years 1 to 9999. */
export const DateKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => isStorableInstant(`${s}T00:00:00`));

/** A document-store time as an ISO 8601 instant with milliseconds (`2026-12-05T10:15:30.123Z`), years 1 to 9999. */
export const InstantKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((s) => isStorableInstant(s.slice(0, 19)));

/** SQL for the timestamp key of a column, in the format TimestampKey accepts. */
export const timestampKeySql = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;

/** How many rows to read for a page of `limit`: one more, to know whether another page follows. */
export function rowsToRead(limit: number): number {
  return limit + 1;
}

/**
 * Cuts the look-ahead row off a page read with `rowsToRead`, presents the rest and makes the
 * cursor that continues after the last row shown (null when nothing follows).
 */
export function toPage<R, T>(rows: readonly R[], limit: number, present: (row: R) => T, cursorAfter: (last: R) => string): Page<T> {
  const { shown, continueAfter } = cutPage(rows, limit);
  return { items: shown.map(present), nextCursor: continueAfter !== undefined ? cursorAfter(continueAfter) : null };
}

/**
 * Cuts the look-ahead row off rows read with `rowsToRead`, for lists whose items are presented
 * by more reads (and may be filtered): the rows to show, and the last of them when another page
 * follows (the row the next cursor continues after), else undefined.
 */
export function cutPage<R>(rows: readonly R[], limit: number): { shown: R[]; continueAfter: R | undefined } {
  const shown = rows.slice(0, limit);
  return { shown, continueAfter: rows.length > limit ? shown[shown.length - 1] : undefined };
}
