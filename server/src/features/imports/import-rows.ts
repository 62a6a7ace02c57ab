import { ListenedOnSchema, REVIEW_BODY_MAX, type ImportCreateInput } from '@muse/shared';
import type { CsvTable } from '../../lib/csv-read';

export type ImportSource = ImportCreateInput['source'];

/** A row as read from the file, before matching. `invalid` rows carry the reason. */
export interface ReadRow {
  line: number;
  artist: string;
  /** Another spelling of the artist to try (Rate Your Music's localized name). */
  altArtist: string | null;
  title: string;
  year: number | null;
  /** The track a Muse export row is about (its album is `artist`/`title`); null for an album. */
  track: { title: string; isrc: string | null } | null;
  /** Stars, 0.5 to 5. */
  rating: number | null;
  listenedOn: string | null;
  isRelisten: boolean;
  review: string | null;
  /** The day a watchlist row was added (watchlist files only). */
  addedOn: string | null;
  invalid: string | null;
}

const TEXT_MAX = 1000;

type Columns = Map<string, number>;

function columnsOf(header: string[]): Columns {
  const out: Columns = new Map();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!out.has(key)) out.set(key, i);
  });
  return out;
}

/** Columns each source must have; a file without them is the wrong kind of file. */
export const REQUIRED_COLUMNS: Record<ImportSource, string[][]> = {
  // Each inner list is a set of alternatives; one of them must be present.
  letterboxd: [['Name'], ['Rating', 'Date', 'Watched Date', 'Listened Date', 'Review']],
  rym: [['Title'], ['First Name', 'Last Name'], ['Rating']],
  'letterboxd-watchlist': [['Name']],
  'muse-reviews': [['album_title'], ['artist'], ['body']],
};

/** The required columns a header lacks, as they would be named to the user. */
export function missingColumns(source: ImportSource, header: string[]): string[] {
  const columns = columnsOf(header);
  return REQUIRED_COLUMNS[source]
    .filter((alternatives) => !alternatives.some((name) => columns.has(name.toLowerCase())))
    .map((alternatives) => alternatives.join(' or '));
}

/** Reads every record of a file of the given source into rows; broken records become invalid rows. */
export function readRows(source: ImportSource, table: CsvTable): ReadRow[] {
  const columns = columnsOf(table.header);
  const read = { letterboxd: readLetterboxdRow, rym: readRymRow, 'letterboxd-watchlist': readWatchlistRow, 'muse-reviews': readMuseReviewRow }[source];
  const rows = table.records
    .filter((r) => r.fields.some((f) => f.trim() !== ''))
    .map((r) => {
      const get = (...names: string[]) => {
        for (const name of names) {
          const i = columns.get(name);
          if (i !== undefined && r.fields[i] !== undefined && r.fields[i]!.trim() !== '') return r.fields[i]!;
        }
        return '';
      };
      return read(r.line, get, columns);
    });
  for (const b of table.broken) rows.push({ ...emptyRow(b.line), invalid: b.message });
  return rows.sort((a, b) => a.line - b.line);
}

type Getter = (...names: string[]) => string;

function emptyRow(line: number): ReadRow {
  return {
    line,
    artist: '',
    altArtist: null,
    title: '',
    year: null,
    track: null,
    rating: null,
    listenedOn: null,
    isRelisten: false,
    review: null,
    addedOn: null,
    invalid: null,
  };
}

/** Name written as "Artist - Title" (split at the first dash), or the whole Name as the title. */
function splitName(name: string): { artist: string; title: string } {
  const dash = name.indexOf(' - ');
  return dash > 0 ? { artist: name.slice(0, dash).trim(), title: name.slice(dash + 3).trim() } : { artist: '', title: name };
}

/**
 * Letterboxd-style diary: Date (or Watched/Listened Date), Name, Year, Rating (0.5–5),
 * Rewatch/Relisten, Tags, Review, and Artist — or Name written as "Artist - Title", which is
 * also how a row with an empty Artist is read.
 */
function readLetterboxdRow(line: number, get: Getter, columns: Columns): ReadRow {
  const { row, problems } = readLetterboxdAlbum(line, get, columns);
  row.rating = readLetterboxdRating(get('rating'), problems);
  row.listenedOn = readDate(get('listened date', 'watched date', 'date'), problems);
  row.isRelisten = readYesNo(get('relisten', 'rewatch'), problems);
  row.review = readReview(get('review'), problems);
  return finish(row, problems);
}

/**
 * Letterboxd watchlist (`watchlist.csv`): Date (when it was added), Name, Year, Letterboxd URI,
 * with Artist or Name as "Artist - Title" as in the diary. A row needs nothing but its album.
 */
function readWatchlistRow(line: number, get: Getter, columns: Columns): ReadRow {
  const { row, problems } = readLetterboxdAlbum(line, get, columns);
  row.addedOn = readDate(get('date'), problems);
  return finish(row, problems, { needsContent: false });
}

/** The album a Letterboxd-style row names: Artist and Name (or Name as "Artist - Title"), and Year. */
function readLetterboxdAlbum(line: number, get: Getter, columns: Columns): { row: ReadRow; problems: string[] } {
  const row = emptyRow(line);
  const name = get('name').trim();
  const artist = columns.has('artist') ? get('artist').trim() : '';
  Object.assign(row, artist ? { artist, title: name } : splitName(name));
  const problems: string[] = [];
  if (!row.title) problems.push('The title (Name) is missing.');
  else if (!row.artist) {
    problems.push(
      columns.has('artist')
        ? 'The artist is missing: fill in its Artist or write Name as "Artist - Title".'
        : 'No artist: add an Artist column or write Name as "Artist - Title".',
    );
  }
  row.year = readYear(get('year'), problems);
  return { row, problems };
}

/**
 * Rate Your Music export: First Name + Last Name (or their localized forms), Title,
 * Release_Date (a year), Rating 1–10 (half stars ×2; 0 = not rated), Review.
 */
function readRymRow(line: number, get: Getter): ReadRow {
  const row = emptyRow(line);
  const joinName = (first: string, last: string) => [first.trim(), last.trim()].filter(Boolean).join(' ');
  const original = joinName(get('first name'), get('last name'));
  const localized = joinName(get('first name localized'), get('last name localized'));
  row.artist = original || localized;
  row.altArtist = original && localized && localized !== original ? localized : null;
  row.title = get('title').trim();
  const problems: string[] = [];
  if (!row.title) problems.push('The title is missing.');
  else if (!row.artist) problems.push('The artist is missing.');
  const date = get('release_date', 'release date').trim();
  row.year = readYear(/^\d{4}-\d{2}(-\d{2})?$/.test(date) ? date.slice(0, 4) : date, problems);
  row.rating = readRymRating(get('rating'), problems);
  row.review = readReview(get('review'), problems);
  return finish(row, problems);
}

/**
 * A review from a Muse export's `reviews.csv`: item_type (album or track), artist, album_title,
 * release_year, track_title and isrc for a track, stars, listened_on, is_relisten and body.
 */
function readMuseReviewRow(line: number, get: Getter): ReadRow {
  const row = emptyRow(line);
  row.artist = get('artist').trim();
  row.title = get('album_title').trim();
  const problems: string[] = [];
  if (!row.title) problems.push('The album title is missing.');
  else if (!row.artist) problems.push('The artist is missing.');
  row.year = readYear(get('release_year'), problems);
  const itemType = get('item_type').trim().toLowerCase() || 'album';
  if (itemType === 'track') {
    const title = get('track_title').trim();
    if (!title) problems.push('The track title is missing.');
    row.track = { title, isrc: get('isrc').trim().toUpperCase() || null };
  } else if (itemType !== 'album') problems.push(`Item type "${clip(itemType)}" should be album or track.`);
  row.rating = readLetterboxdRating(get('stars'), problems);
  row.listenedOn = readDate(get('listened_on'), problems);
  row.isRelisten = readYesNo(get('is_relisten'), problems);
  row.review = readReview(get('body'), problems);
  if (row.review === null && !problems.length) problems.push('The review text (body) is missing.');
  return finish(row, problems);
}

/** Adds the checks every row gets; a diary row (`needsContent`) must also carry a rating, date or review. */
function finish(row: ReadRow, problems: string[], { needsContent } = { needsContent: true }): ReadRow {
  if (needsContent && !problems.length && row.rating === null && row.listenedOn === null && row.review === null)
    problems.push('Nothing to import: no rating, date or review.');
  if (!problems.length && (row.title.length > TEXT_MAX || row.artist.length > TEXT_MAX || (row.track?.title.length ?? 0) > TEXT_MAX))
    problems.push(`Artist and title must be at most ${TEXT_MAX} characters.`);
  return { ...row, invalid: problems.length ? problems.join(' ') : null };
}

function readYear(raw: string, problems: string[]): number | null {
  const text = raw.trim();
  if (!text) return null;
  if (!/^\d{4}$/.test(text) || Number(text) < 1000 || Number(text) > 2100) {
    problems.push(`Year "${clip(text)}" is not a year like 1997.`);
    return null;
  }
  return Number(text);
}

function readLetterboxdRating(raw: string, problems: string[]): number | null {
  const text = raw.trim();
  if (!text) return null;
  if (!/^\d+(\.\d+)?$/.test(text)) {
    problems.push(`Rating "${clip(text)}" is not a number.`);
    return null;
  }
  const stars = Number(text);
  if (stars < 0.5 || stars > 5) {
    problems.push(`Rating ${text} is out of range: use 0.5 to 5 stars.`);
    return null;
  }
  if (!Number.isInteger(stars * 2)) {
    problems.push(`Rating ${text} is not in half stars (0.5, 1, 1.5 … 5).`);
    return null;
  }
  return stars;
}

function readRymRating(raw: string, problems: string[]): number | null {
  const text = raw.trim();
  if (!text) return null;
  if (!/^\d+$/.test(text)) {
    problems.push(`Rating "${clip(text)}" is not a whole number from 0 to 10.`);
    return null;
  }
  const value = Number(text);
  if (value > 10) {
    problems.push(`Rating ${text} is out of range: use 1 to 10 (0 means not rated).`);
    return null;
  }
  return value === 0 ? null : value / 2;
}

function readDate(raw: string, problems: string[]): string | null {
  const text = raw.trim();
  if (!text) return null;
  const parsed = ListenedOnSchema.safeParse(text);
  if (!parsed.success) {
    problems.push(`Date "${clip(text)}": ${parsed.error.issues[0]?.message ?? 'not a date'}.`);
    return null;
  }
  return parsed.data;
}

function readYesNo(raw: string, problems: string[]): boolean {
  const text = raw.trim().toLowerCase();
  if (['', 'no', 'false', '0', 'n'].includes(text)) return false;
  if (['yes', 'true', '1', 'y'].includes(text)) return true;
  problems.push(`Relisten "${clip(raw.trim())}" should be Yes or empty.`);
  return false;
}

function readReview(raw: string, problems: string[]): string | null {
  if (!raw.trim()) return null;
  if (raw.length > REVIEW_BODY_MAX) {
    problems.push(`The review is longer than ${REVIEW_BODY_MAX.toLocaleString('en')} characters.`);
    return null;
  }
  return raw;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
