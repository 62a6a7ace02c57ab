/** The fields a playlist CSV can carry, as the reader names them. */
export type CsvField =
  | 'title'
  | 'artists'
  | 'album'
  | 'duration'
  | 'isrc'
  | 'upc'
  | 'spotify'
  | 'apple'
  | 'explicit'
  | 'releaseYear'
  | 'coverUrl'
  | 'note'
  | 'trackId'
  | 'albumId'
  | 'artistUris';

/**
 * The columns Muse writes, in order; the reader knows each of them, so a Muse CSV reads back as
 * it was. Several artists are joined with "; ". `muse_track_id`/`muse_album_id` are this Muse's
 * catalog ids (hints the matcher checks); `added_by` (a user id) and `added_at` are for people.
 */
export const MUSE_CSV_COLUMNS = [
  'title',
  'artist',
  'album',
  'duration_ms',
  'isrc',
  'upc',
  'spotify',
  'apple',
  'explicit',
  'release_year',
  'cover_url',
  'note',
  'muse_track_id',
  'muse_album_id',
  'added_by',
  'added_at',
] as const;
export type MuseCsvColumn = (typeof MUSE_CSV_COLUMNS)[number];

/** Joins and splits several artists in one cell. */
export const ARTIST_SEPARATOR = '; ';

/**
 * Header names (compared in lower case, `_` and `-` read as spaces) for each field: Muse's own,
 * Exportify's ("Track Name", "Artist Name(s)", "Duration (ms)", "Track URI"), TuneMyMusic's
 * ("Spotify - id") and the plain words people type.
 */
const ALIASES: Record<CsvField, readonly string[]> = {
  title: ['title', 'track', 'name', 'track name', 'track title', 'song', 'song name', 'song title'],
  artists: ['artist', 'artists', 'artist name', 'artist names', 'artist name(s)', 'artist(s)', 'creator', 'performer'],
  album: ['album', 'album name', 'album title', 'release'],
  duration: ['duration', 'duration ms', 'duration (ms)', 'track duration (ms)', 'length', 'time'],
  isrc: ['isrc'],
  upc: ['upc', 'album upc', 'ean', 'barcode'],
  spotify: ['spotify', 'spotify id', 'spotify uri', 'spotify url', 'spotify link', 'track uri', 'spotify track id', 'spotify track uri'],
  apple: ['apple', 'apple music', 'apple id', 'apple music id', 'apple music url', 'apple music link', 'apple track id'],
  explicit: ['explicit'],
  releaseYear: ['year', 'release year', 'release date', 'album release date'],
  coverUrl: ['cover url', 'cover', 'image', 'album image url', 'artwork url'],
  note: ['note', 'notes', 'comment', 'comments'],
  trackId: ['muse track id'],
  albumId: ['muse album id'],
  artistUris: ['artist uri(s)', 'artist uris', 'artist uri'],
};

const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*\(\s*/g, ' (')
    .trim();

const BY_NAME = new Map<string, CsvField>(Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [normalise(n), field as CsvField] as const)));

/** Which column holds each known field (the first one, when two say the same); unknown columns are ignored. */
export function mapCsvHeader(header: readonly string[]): { columns: Partial<Record<CsvField, number>>; durationInMs: boolean } {
  const columns: Partial<Record<CsvField, number>> = {};
  let durationInMs = false;
  header.forEach((name, i) => {
    const normalised = normalise(name);
    const field = BY_NAME.get(normalised);
    if (!field || columns[field] !== undefined) return;
    columns[field] = i;
    if (field === 'duration') durationInMs = /\bms\b/.test(normalised);
  });
  return { columns, durationInMs };
}
