/** Opaque page cursors: base64url of the last id seen, so clients cannot rely on the format. */
export function encodeCursor(id: string): string {
  return Buffer.from(`n:${id}`).toString('base64url');
}

/** Decodes a cursor; returns null when it was not made by encodeCursor. */
export function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^n:([1-9][0-9]{0,17})$/.exec(text);
  return match ? match[1]! : null;
}
