import { z } from 'zod';

/** One page of a list: its items and the opaque cursor of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The schema of one page of `item`s, for a list's response. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The longest cursor any list accepts; real ones are far shorter. */
export const CURSOR_MAX_LENGTH = 200;

/**
 * The one page query of every list: an opaque `cursor` from the previous page and a `limit`
 * between 1 and `max` (default `fallback`). Lists with more filters extend it.
 */
export function pageQuery(limits: { default: number; max: number }) {
  return z.object({
    cursor: z.string().max(CURSOR_MAX_LENGTH, 'cursor is too long').optional(),
    limit: z.coerce
      .number({ error: 'limit must be a number' })
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(limits.max, `limit must be at most ${limits.max}`)
      .default(limits.default),
  });
}
