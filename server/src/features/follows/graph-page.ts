import { z } from 'zod';
import type { Page } from '@muse/shared';
import { decodeCursor, encodeCursor, IdKey, TimestampKey } from '../reviews/page-cursor';
import type { GraphListRow, ListPage } from './follows.repo';

/** Turns a validated `cursor` + `limit` into a repo page request (one extra row to see if more follow). */
export function graphPageRequest(kind: string, query: { cursor?: string; limit: number }): ListPage {
  if (query.cursor === undefined) return { limit: query.limit + 1 };
  const [at, id] = decodeCursor(query.cursor, kind, z.tuple([TimestampKey, IdKey]));
  return { limit: query.limit + 1, after: { at, id } };
}

/** Cuts the extra row off and makes the cursor that continues after the last item shown. */
export function graphPage<T>(kind: string, limit: number, rows: GraphListRow[], present: (row: GraphListRow) => T): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return { items: shown.map(present), nextCursor: rows.length > limit && last ? encodeCursor(kind, [last.at_key, String(last.id)]) : null };
}
