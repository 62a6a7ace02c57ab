import { AppError } from '../../lib/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An opaque cursor naming the last activity a page covered. */
export function encodeFeedCursor(activityId: string): string {
  return Buffer.from(`feed:${activityId}`).toString('base64url');
}

/** The activity id inside a cursor; anything else is a 400 `invalid_cursor`. */
export function decodeFeedCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = raw.startsWith('feed:') ? raw.slice(5) : '';
  if (!UUID.test(id)) throw AppError.badRequest('invalid_cursor', 'The page cursor is not valid.', [{ path: 'cursor', message: 'Invalid cursor' }]);
  return id;
}
