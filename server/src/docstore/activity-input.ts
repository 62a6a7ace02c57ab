import { z } from 'zod';
import { uuidv7 } from '../lib/ids';
import type { Activity, ActivityInput } from './document-store.port';

const ActivityInputSchema = z.object({
  actorId: z.string().min(1).max(64),
  type: z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/, 'activity type must be a lower-case identifier'),
  visibility: z.enum(['public', 'followers', 'private']).default('public'),
  subject: z
    .object({ kind: z.string().min(1).max(32), id: z.string().min(1).max(64) })
    .nullable()
    .default(null),
  data: z.record(z.string(), z.unknown()).default({}),
  createdAt: z.date().optional(),
});

/** Validates an activity and gives it its id and time; both adapters store exactly this. */
export function buildActivity(input: ActivityInput): Activity {
  const parsed = ActivityInputSchema.parse(input);
  const createdAt = parsed.createdAt ?? new Date();
  return {
    id: uuidv7(createdAt.getTime()),
    actorId: parsed.actorId,
    type: parsed.type,
    visibility: parsed.visibility,
    subject: parsed.subject,
    data: parsed.data,
    createdAt,
  };
}

/** Bounds a page size to what the store will return in one call. */
export function pageLimit(limit: number): number {
  return Math.max(1, Math.min(200, Math.floor(limit)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A `before` cursor is honoured only when it is a well-formed id. */
export function validCursor(before: string | undefined): string | undefined {
  return before !== undefined && UUID.test(before) ? before : undefined;
}

/** The well-formed, distinct ids of a `getByIds` call, bounded so one call stays one cheap lookup. */
export function validIds(ids: string[]): string[] {
  return [...new Set(ids.filter((id) => UUID.test(id)))].slice(0, 500);
}
