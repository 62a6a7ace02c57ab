import type { AlbumType, DatePrecision } from '@muse/shared';

/** A release date as stored: the first day of its period, and how much of it is known. */
export interface PartialDate {
  date: string;
  precision: DatePrecision;
  year: number;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 2100;

/**
 * Reads Discogs' `released`: "1999" → year, "1999-03-00" or "1999-03" → month, "1999-03-14" →
 * day, "1999-00-00" → year. Anything else (empty, a non-existent day, a year out of range) →
 * null, so a bad date never poses as a real one.
 */
export function parseReleased(raw: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(raw.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? 0);
  const day = Number(m[3] ?? 0);
  if (year < MIN_YEAR || year > MAX_YEAR || month > 12) return null;
  const yyyy = m[1]!;
  if (month === 0) return day === 0 ? { date: `${yyyy}-01-01`, precision: 'year', year } : null;
  const mm = m[2]!;
  if (day === 0) return { date: `${yyyy}-${mm}-01`, precision: 'month', year };
  const iso = `${yyyy}-${mm}-${m[3]}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) return null;
  return { date: iso, precision: 'day', year };
}

/** A master's `year`, or null for "0", blanks and years out of range. */
export function parseYear(raw: string): number | null {
  if (!/^\d{4}$/.test(raw.trim())) return null;
  const year = Number(raw);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** "4:45" / "1:02:03" → milliseconds; empty, malformed or zero → null. */
export function parseDuration(raw: string): number | null {
  const parts = raw.trim().split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
  const [seconds, minutes, hours = 0] = parts.map(Number).reverse() as [number, number, number?];
  if (seconds >= 60 || (parts.length === 3 && minutes >= 60)) return null;
  const ms = ((hours * 60 + minutes) * 60 + seconds) * 1000;
  // The column holds an int4 and refuses 0; neither is a real track length.
  return ms > 0 && ms < 2 ** 31 ? ms : null;
}

/**
 * A Discogs join ("&", ",", "Feat.", "Featuring", "vs", "With", "/") as printed between two names:
 * " & ", ", ", " feat. ", " vs. ", " With ". The last artist's empty join stays ''; an empty join
 * between two artists reads as ", ".
 */
export function printJoinPhrase(raw: string, isLast: boolean): string {
  const join = raw.trim();
  if (!join) return isLast ? '' : ', ';
  if (/^(feat\.?|ft\.?|featuring)$/i.test(join)) return ' feat. ';
  if (/^vs\.?$/i.test(join)) return ' vs. ';
  if (join === '、') return '、';
  if (join.startsWith(',')) {
    const rest = join.slice(1).trim();
    return rest ? `, ${rest} ` : ', ';
  }
  return ` ${join} `;
}

/** Drops Discogs' disambiguation suffix: "Josh Wink (2)" → "Josh Wink". */
export function displayName(name: string): string {
  return name.replace(/\s+\(\d+\)$/, '').trim();
}

/** Keeps a string within a column's length limit without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max).join('');
}

// "(Live)", "Live At …", "Live In …", "… Live", "Live Vol. 1", '"Live"'; not "Live Through This".
const LIVE_TITLE = /\(live\b|\blive (?:at|in|from|on)\b|\blive\W*$|^live vol\b|"live"/i;

/**
 * The album type from formats and descriptions: Live (a description or style, or a live title)
 * wins, then Compilation, then EP (or Mini-Album), then Single or Maxi-Single, then
 * Album/LP; a bare 7" counts as a single; anything else is an album.
 */
export function albumTypeOf(descriptions: string[], styles: string[], title: string): AlbumType {
  const d = new Set(descriptions.map((x) => x.trim().toLowerCase()));
  if (d.has('live') || styles.some((s) => s.trim().toLowerCase() === 'live') || LIVE_TITLE.test(title)) return 'live';
  if (d.has('compilation')) return 'compilation';
  if (d.has('ep') || d.has('mini-album')) return 'ep';
  if (d.has('single') || d.has('maxi-single')) return 'single';
  if (d.has('album') || d.has('lp')) return 'album';
  if (d.has('7"')) return 'single';
  return 'album';
}

/** The first barcode that is a plausible UPC/EAN once reduced to digits (12 to 14 of them). */
export function upcOf(barcodes: string[]): string | null {
  for (const raw of barcodes) {
    const digits = raw.replace(/\D/g, '');
    if (digits.length >= 12 && digits.length <= 14) return digits;
  }
  return null;
}

/** Discogs writes "none" (or nothing) where a release has no catalogue number. */
export function catalogNumberOf(raw: string | undefined): string | null {
  const value = raw?.trim() ?? '';
  return value && value.toLowerCase() !== 'none' ? value : null;
}
