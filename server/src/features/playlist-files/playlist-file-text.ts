import { PLAYLIST_FILE_MAX_BYTES } from '@muse/shared';
import { AppError } from '../../lib/app-error';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
// Files a little binary noise can still be read; past this share of control characters, a file is not text.
const MAX_CONTROL_SHARE = 0.01;

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Turns an uploaded file into text, or refuses it with a 4xx saying why. UTF-8 (with or without
 * a BOM) is the norm; UTF-16 is read when its BOM says so (Windows tools write it); bytes that are
 * not UTF-8 are read as Windows-1252, the encoding of old `.m3u` files and Excel CSVs. A NUL byte
 * or a run of control characters means a binary file, which no playlist format is.
 */
export function decodePlaylistFile(bytes: Uint8Array): string {
  if (bytes.length > PLAYLIST_FILE_MAX_BYTES) {
    throw new AppError(413, 'payload_too_large', `The file is larger than ${PLAYLIST_FILE_MAX_BYTES / 1024 / 1024} MB.`);
  }
  if (bytes.length === 0) throw AppError.badRequest('empty_file', 'The file is empty.');
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.includes(0)) {
      throw AppError.badRequest('not_text', 'The file contains NUL bytes, so it is not a text playlist. Save it as UTF-8 text and try again.');
    }
    const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      text = new TextDecoder('windows-1252').decode(body);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) {
    throw AppError.badRequest('not_text', 'The file contains NUL characters, so it is not a text playlist. Save it as UTF-8 text and try again.');
  }
  if (!text.trim()) throw AppError.badRequest('empty_file', 'The file is empty.');
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 8 && controls / text.length > MAX_CONTROL_SHARE) {
    throw AppError.badRequest('not_text', 'The file does not look like text: it is full of control characters. Upload a JSPF, XSPF, M3U or CSV playlist.');
  }
  return text;
}

// Characters that carry nothing readable: C0 and C1 controls, DEL, the BOM, and halves of a broken surrogate pair.
const INVISIBLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A one-line field (title, artist, album) as it can be stored and shown: controls and broken
 * surrogates removed, line breaks and tabs turned into a space, the ends trimmed. Every other
 * character (accents, emoji, right-to-left text, inner spacing) is kept as written.
 */
export function cleanLine(value: string): string {
  return value
    .replace(/[\t\n\r\f\u0085\u2028\u2029]+/g, ' ')
    .replace(INVISIBLE, '')
    .trim();
}

/** A note or description: like `cleanLine`, but its line breaks (as `\n`) and tabs are kept. */
export function cleanNote(value: string): string {
  return value
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(/\f/g, ' ')
    .replace(INVISIBLE, '')
    .trim();
}

/** 1-based line and column of a character offset, for error messages about a file. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
