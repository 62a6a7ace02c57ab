import { type z } from 'zod';
import { ProviderError } from './music-provider.port';

/** Checks a service's JSON against the shape an adapter reads; a mismatch is the service's fault (`bad_response`). */
export function parseAnswer<T extends z.ZodType>(schema: T, body: unknown, endpoint: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ProviderError('bad_response', `${endpoint}: unexpected answer (${issue?.path.join('.') || 'body'}: ${issue?.message})`, { status: 200, endpoint });
}

/** Reads an offset cursor; Muse's cursors for both services are the offset of the next page. */
export function offsetFromCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  if (!/^\d{1,7}$/.test(cursor)) throw new RangeError(`Not a page cursor: ${cursor.slice(0, 40)}`);
  return Number(cursor);
}

/**
 * The next page's cursor from a service's `next` link (absolute or relative), or null on the last page.
 * With `after` (the current offset), a link that does not move forward ends the list instead of looping.
 */
export function cursorFromNext(next: string | null | undefined, after?: string | number | null): string | null {
  if (!next) return null;
  const offset = new URL(next, 'http://x').searchParams.get('offset');
  if (!offset || !/^\d+$/.test(offset)) return null;
  if (after !== undefined && after !== null && Number(offset) <= Number(after)) return null;
  return offset;
}
