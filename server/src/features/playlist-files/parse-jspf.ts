import type { PlaylistKind } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { extensionBody, isObject, MUSE_JSPF_PLAYLIST, MUSE_JSPF_TRACK } from './jspf-extension';
import { readRow, RowError, type ParsedRow, type RawEntry } from './playlist-file-entry';
import { cleanLine, cleanNote, positionOf } from './playlist-file-text';
import { appleCell, serviceIdsIn, spotifyCell } from './playlist-file-values';

/** What a playlist file says besides its rows. */
export interface FileHeader {
  title: string | null;
  description: string | null;
  /** The kind a Muse export names; null for other files. */
  kind: PlaylistKind | null;
  /** Whether a Muse export's list is ranked; null for other files. */
  ranked: boolean | null;
}

/** JSON.parse's complaint with its position turned into a line and column. */
function malformedJson(text: string, err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  const at = /position (\d+)/.exec(message);
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  const where = at ? positionOf(text, Number(at[1])) : null;
  const place = where ? ` at line ${where.line}, column ${where.column}` : '';
  return AppError.badRequest('malformed_playlist_file', `The file is not valid JSON${place}: ${reason}.`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * ListenBrainz writes a playlist's annotation as HTML; Muse descriptions are plain text. Line
 * and paragraph ends become line breaks, other tags go, and the common entities are decoded.
 * Text without tags, and Muse's own exports (plain text already), are left as they are.
 */
function plainText(annotation: string): string {
  if (!/<\/?[a-z][^>]*>/i.test(annotation)) return annotation;
  return annotation
    .replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(amp|lt|gt|quot|apos|nbsp);|&#(\d{1,7});|&#x([0-9a-f]{1,6});/gi,
      (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
        if (name) return ENTITIES[name.toLowerCase()]!;
        const code = dec ? Number(dec) : parseInt(hex!, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      },
    )
    .replace(/\n{3,}/g, '\n\n');
}

const kindOf = (value: unknown): PlaylistKind | null => (value === 'playlist' || value === 'list' ? value : null);

/**
 * Reads a JSPF playlist (the JSON form of XSPF that ListenBrainz exports): `playlist.title`,
 * `annotation`, and each of `playlist.track` with title, creator, album, duration (ms),
 * identifier and location (Spotify and Apple Music links among them) and image, plus the values
 * a Muse export keeps in its own extension. A track whose values have the wrong type becomes an
 * invalid row naming the field; JSON that does not parse, or is not a JSPF playlist, is refused.
 */
export function parseJspf(text: string): FileHeader & { rows: ParsedRow[] } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    throw malformedJson(text, err);
  }
  const playlist = isObject(root) ? root.playlist : undefined;
  if (!isObject(playlist)) {
    throw AppError.badRequest('malformed_playlist_file', 'This JSON is not a JSPF playlist: it has no "playlist" object.');
  }
  if (playlist.track !== undefined && !Array.isArray(playlist.track)) {
    throw AppError.badRequest('malformed_playlist_file', 'This JSPF playlist\'s "track" is not a list.');
  }
  const tracks: unknown[] = (playlist.track as unknown[] | undefined) ?? [];
  const muse = extensionBody(playlist.extension, MUSE_JSPF_PLAYLIST);
  return {
    title: typeof playlist.title === 'string' ? cleanLine(playlist.title) || null : null,
    description: typeof playlist.annotation === 'string' ? cleanNote(muse ? playlist.annotation : plainText(playlist.annotation)) || null : null,
    kind: kindOf(muse?.kind),
    ranked: typeof muse?.ranked === 'boolean' ? muse.ranked : null,
    rows: tracks.map((track, i) => readRow(i + 1, () => readTrack(track, i + 1))),
  };
}

function readTrack(track: unknown, n: number): RawEntry {
  if (!isObject(track)) throw new RowError(`Track ${n} is not an object.`);
  const muse = extensionBody(track.extension, MUSE_JSPF_TRACK) ?? {};
  const uris = [...strings(track.identifier), ...strings(track.location)];
  const linked = serviceIdsIn(uris);
  const creator = optionalText(track.creator, 'creator');
  const artists = muse.artists === undefined ? [creator] : textList(muse.artists, 'artists');
  const image = optionalText(track.image, 'image');
  return {
    title: optionalText(track.title, 'title'),
    artists,
    album: optionalText(track.album, 'album'),
    durationMs: duration(track.duration),
    isrc: optionalText(muse.isrc, 'isrc'),
    upc: optionalText(muse.upc, 'upc'),
    explicit: optionalBoolean(muse.explicit, 'explicit'),
    releaseYear: optionalInteger(muse.releaseYear, 'releaseYear'),
    coverUrl: image && /^https?:\/\//i.test(image) ? image : undefined,
    spotify: spotifyCell(optionalText(muse.spotify, 'spotify')) ?? linked.spotify,
    apple: appleCell(optionalText(muse.apple, 'apple')) ?? linked.apple,
    note: optionalText(muse.note, 'note') ?? optionalText(track.annotation, 'annotation'),
    trackId: typeof muse.trackId === 'string' ? muse.trackId : undefined,
    albumId: typeof muse.albumId === 'string' ? muse.albumId : undefined,
  };
}

const typeName = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`);

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new RowError(`${field} must be text, not ${typeName(value)}.`);
  return value;
}

function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new RowError(`${field} must be true or false, not ${typeName(value)}.`);
  return value;
}

function optionalInteger(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new RowError(`${field} must be a whole number, not ${typeName(value)}.`);
  return value;
}

function textList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new RowError(`${field} must be a list of text.`);
  return value as string[];
}

/** JSPF durations are milliseconds; early drafts wrote them as strings of digits, which are read too. */
function duration(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value === 'number' ? String(value) : typeName(value);
    throw new RowError(`duration must be a number of milliseconds, not ${shown}.`);
  }
  return Math.round(ms);
}

/** `identifier` and `location` are a string or a list of them; anything else in them is skipped. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
