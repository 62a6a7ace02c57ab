import type { BlobRange } from './blob-store.port';

const SINGLE_RANGE = /^bytes[ \t]*=[ \t]*(\d*)[ \t]*-[ \t]*(\d*)[ \t]*$/i;

/**
 * Reads a `Range` header for a body of `size` bytes (RFC 9110 §14): one `first-last`,
 * `first-` or `-suffix` range gives the inclusive bytes to send (the end clamped to the body);
 * a range starting past the end, or an empty suffix, is 'unsatisfiable' (416). Anything else
 * (several ranges, other units, malformed or backwards ranges) is null: HTTP says to ignore
 * such a header and send the whole body.
 */
export function parseByteRange(header: string, size: number): BlobRange | 'unsatisfiable' | null {
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return null;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}
