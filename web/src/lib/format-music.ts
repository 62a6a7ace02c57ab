import type { DatePrecision } from '@muse/shared';

/**
 * A track or album length as m:ss (or h:mm:ss from an hour up); '' when unknown, so a
 * missing duration leaves an empty cell rather than "0:00".
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** "4.5 stars", "1 star": how a rating is read aloud and shown in titles. */
export function formatStars(stars: number): string {
  return `${stars} ${stars === 1 ? 'star' : 'stars'}`;
}

/** A mean or weighted score with two decimals, or an em dash when there is none yet. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : score.toFixed(2);
}

const NUMBER_FORMAT = new Intl.NumberFormat('en');

/**
 * A count with thousands separators ("1,204"). One formatter serves every call: building one per
 * number (`toLocaleString('en')`) was the hottest function of an album page's reviews render.
 */
export function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/** "1 rating", "1,204 ratings". */
export function formatCount(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : plural}`;
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY_FORMAT = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DAY_FORMAT = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY_FORMAT = new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'UTC' });

function parseDay(day: string): Date | null {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A release date at the precision the catalog knows it: "1977", "January 1977" or "January 14, 1977". */
export function formatReleaseDate(date: string | null, precision: DatePrecision | null, year: number | null): string {
  const parsed = date ? parseDay(date) : null;
  if (!parsed || !precision || precision === 'year') return year === null ? '' : String(year);
  return precision === 'month' ? MONTH_FORMAT.format(parsed) : DAY_FORMAT.format(parsed);
}

/** A calendar day (YYYY-MM-DD) as "3 Mar 2026"; the day is read in UTC so no time zone shifts it. */
export function formatDay(day: string): string {
  const parsed = parseDay(day);
  return parsed ? SHORT_DAY_FORMAT.format(parsed) : day;
}

/** The parts the diary shows for a day: month heading, day of month and weekday. */
export function dayParts(day: string): { month: string; dayOfMonth: string; weekday: string } {
  const parsed = parseDay(day);
  if (!parsed) return { month: '', dayOfMonth: day, weekday: '' };
  return { month: MONTH_FORMAT.format(parsed), dayOfMonth: String(parsed.getUTCDate()), weekday: WEEKDAY_FORMAT.format(parsed) };
}

/** Today in the user's own time zone as YYYY-MM-DD: the default and the upper bound of "listened on". */
export function todayLocal(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

const ALBUM_TYPE_LABELS: Record<string, string> = { album: 'Album', ep: 'EP', single: 'Single', compilation: 'Compilation', live: 'Live album' };

/** "EP", "Live album": an album type as a reader expects it. */
export function formatAlbumType(type: string): string {
  return ALBUM_TYPE_LABELS[type] ?? type;
}
