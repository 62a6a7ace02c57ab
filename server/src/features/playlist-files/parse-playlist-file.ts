import { PLAYLIST_LIMITS, type PlaylistFileFormat } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { readCsvHeader } from '../../lib/csv-read';
import { parseJspf, type FileHeader } from './parse-jspf';
import { parseM3u } from './parse-m3u';
import { parsePlaylistCsv } from './parse-playlist-csv';
import { parseXspf } from './parse-xspf';
import { mapCsvHeader } from './playlist-csv-columns';
import type { ParsedRow } from './playlist-file-entry';
import { decodePlaylistFile } from './playlist-file-text';

export type { ParsedEntry, ParsedRow } from './playlist-file-entry';

/** A playlist file as Muse reads it: its format, what it says about itself, and every row. */
export interface ParsedPlaylistFile extends FileHeader {
  format: PlaylistFileFormat;
  rows: ParsedRow[];
}

export interface ParseOptions {
  /** The uploaded file's name; its extension helps only when the content does not tell. */
  filename?: string;
  /** Entries a playlist may hold; rows past it are invalid. */
  maxEntries?: number;
}

const READERS: Record<PlaylistFileFormat, (text: string) => FileHeader & { rows: ParsedRow[] }> = {
  jspf: parseJspf,
  xspf: parseXspf,
  m3u: parseM3u,
  csv: parsePlaylistCsv,
};

const BY_EXTENSION: Record<string, PlaylistFileFormat> = { jspf: 'jspf', json: 'jspf', xspf: 'xspf', xml: 'xspf', m3u: 'm3u', m3u8: 'm3u', csv: 'csv' };

const looksLikeLocation = (line: string) => /^(?:[a-z][a-z0-9+.-]*:|\/|\\\\|[a-z]:\\|\.{0,2}[/\\])/i.test(line) || /\.[a-z0-9]{2,4}$/i.test(line);

/**
 * Which format a file is, by its content first: JSON is JSPF, XML is XSPF, `#EXTM3U`/`#EXTINF`
 * is M3U, a header row naming a title column is CSV. Only then does the file name's extension
 * decide, and last, lines that look like paths or links are a plain M3U.
 */
export function detectFormat(text: string, filename?: string): PlaylistFileFormat {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'jspf';
  if (start.startsWith('<')) return 'xspf';
  if (/^#EXTM3U/i.test(start) || /^#EXTINF:/im.test(text)) return 'm3u';
  if (mapCsvHeader(readCsvHeader(start)).columns.title !== undefined) return 'csv';
  const extension = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  const hinted = extension ? BY_EXTENSION[extension] : undefined;
  if (hinted) return hinted;
  const firstLine = start.split(/\r\n|\r|\n/, 1)[0]!.trim();
  if (looksLikeLocation(firstLine)) return 'm3u';
  throw AppError.badRequest(
    'unsupported_playlist_file',
    'Muse cannot tell what kind of playlist this is. It reads JSPF, XSPF, M3U/M3U8, and CSV files whose first row names the columns (with a "Title" column).',
  );
}

/**
 * Reads an uploaded playlist file into rows, each an entry or the reason it is not one, so a
 * preview can show every row. Refuses with a 4xx what cannot be read as a whole (too large,
 * empty, binary, malformed JSON or XML, unknown format). Rows past the entry limit are invalid.
 */
export function parsePlaylistFile(bytes: Uint8Array, options: ParseOptions = {}): ParsedPlaylistFile {
  const text = decodePlaylistFile(bytes);
  const format = detectFormat(text, options.filename);
  const parsed = READERS[format](text);
  const max = options.maxEntries ?? PLAYLIST_LIMITS.entries;
  let kept = 0;
  const rows = parsed.rows.map((row): ParsedRow => {
    if (!row.entry) return row;
    kept += 1;
    return kept <= max ? row : { line: row.line, error: `Playlist limit reached: a playlist holds at most ${max.toLocaleString('en')} entries.` };
  });
  return { format, title: parsed.title, description: parsed.description, kind: parsed.kind, ranked: parsed.ranked, rows };
}
