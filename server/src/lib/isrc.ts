/** Country (2 letters), registrant (3 alphanumerics), year (2 digits), designation (5 digits). */
const ISRC_RE = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

/** Whether `value` is an ISRC exactly as stored: upper case, 12 characters, no separators. */
export function isIsrc(value: string): boolean {
  return ISRC_RE.test(value);
}

/** Upper-cased, trimmed, validated ISRC or null; hyphens and spaces as printed on releases ("US-RC1-76-07839") are removed. */
export function normaliseIsrc(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const isrc = raw
    .trim()
    .toUpperCase()
    .replace(/^ISRC:?/, '')
    .replace(/[\s-]/g, '');
  return ISRC_RE.test(isrc) ? isrc : null;
}
