import { AppError } from '../../lib/app-error';
import { readCsv } from '../../lib/csv-read';
import type { FileHeader } from './parse-jspf';
import { ARTIST_SEPARATOR, mapCsvHeader, type CsvField } from './playlist-csv-columns';
import { readRow, type ParsedRow, type RawEntry } from './playlist-file-entry';
import { appleCell, durationCell, explicitCell, spotifyCell, yearCell } from './playlist-file-values';

// A CSV writer that guards against formula injection writes `'=x` for `=x`; reading it back undoes that.
const NEUTRALISED_FORMULA = /^'(?=[=+\-@\t\r])/;

/**
 * Artists of a cell: split on ";" (Muse writes "A; B"). Exportify joins several artists with
 * commas, which names like "Tyler, The Creator" also hold, so a comma splits only when the
 * "Artist URI(s)" column lists as many artists as the split gives.
 */
function artistsOf(cell: string | undefined, uris: string | undefined): string[] {
  if (!cell) return [];
  if (cell.includes(';')) return cell.split(ARTIST_SEPARATOR.trim());
  const count = uris?.split(',').filter((u) => u.trim()).length ?? 0;
  const byComma = cell.split(',');
  return count > 1 && byComma.length === count ? byComma : [cell];
}

/**
 * Reads a CSV playlist with a header row (Muse's own, Exportify's, TuneMyMusic's, or typed by
 * hand): columns are found by name in any case (see `mapCsvHeader`), unknown ones ignored. Each
 * record is a row at the line it starts on; a record the CSV parser cannot read, or a cell that
 * is not what its column says, is an invalid row with the reason. Blank records are skipped.
 */
export function parsePlaylistCsv(text: string): FileHeader & { rows: ParsedRow[] } {
  const table = readCsv(text);
  const { columns, durationInMs } = mapCsvHeader(table.header);
  if (columns.title === undefined) {
    throw AppError.badRequest(
      'malformed_playlist_file',
      `The CSV has no title column: name one "Title", "Track", "Name" or "Track Name"${table.header.length ? ` (its header is ${table.header.slice(0, 8).join(', ')})` : ''}.`,
    );
  }
  const rows: ParsedRow[] = [];
  for (const record of table.records) {
    if (record.fields.every((f) => !f.trim())) continue;
    const cell = (field: CsvField): string | undefined => {
      const i = columns[field];
      const value = i === undefined ? undefined : record.fields[i];
      return value?.replace(NEUTRALISED_FORMULA, '');
    };
    rows.push(
      readRow(record.line, (): RawEntry => ({
        title: cell('title'),
        artists: artistsOf(cell('artists'), cell('artistUris')),
        album: cell('album'),
        durationMs: durationCell(cell('duration'), durationInMs ? 'ms' : 'auto'),
        isrc: cell('isrc'),
        upc: cell('upc'),
        explicit: explicitCell(cell('explicit')),
        releaseYear: yearCell(cell('releaseYear')),
        coverUrl: cell('coverUrl'),
        spotify: spotifyCell(cell('spotify')),
        apple: appleCell(cell('apple')),
        note: cell('note'),
        trackId: cell('trackId'),
        albumId: cell('albumId'),
      })),
    );
  }
  for (const broken of table.broken) rows.push({ line: broken.line, error: broken.message });
  rows.sort((a, b) => a.line - b.line);
  return { title: null, description: null, kind: null, ranked: null, rows };
}
