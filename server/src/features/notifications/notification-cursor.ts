/** Which way a page continues: older changes (the list) or newer ones (catch-up by `since`). */
export type CursorDirection = 'before' | 'after';

const PREFIX: Record<CursorDirection, string> = { before: 'n', after: 's' };

/** Opaque page cursors: base64url of a direction and the last `seq` seen, so clients cannot rely on the format. */
export function encodeCursor(seq: string, direction: CursorDirection = 'before'): string {
  return Buffer.from(`${PREFIX[direction]}:${seq}`).toString('base64url');
}

/** Decodes a cursor; returns null when it was not made by encodeCursor. */
export function decodeCursor(cursor: string): { seq: string; direction: CursorDirection } | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^([ns]):(0|[1-9][0-9]{0,17})$/.exec(text);
  if (!match) return null;
  return { seq: match[2]!, direction: match[1] === 's' ? 'after' : 'before' };
}
