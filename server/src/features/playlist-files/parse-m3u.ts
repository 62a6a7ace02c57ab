import type { FileHeader } from './parse-jspf';
import { readRow, RowError, type ParsedRow, type RawEntry } from './playlist-file-entry';
import { cleanLine } from './playlist-file-text';
import { clip, serviceIdsIn } from './playlist-file-values';
import { titleFromLocation } from './titles-from-paths';

/** An `#EXTINF` line and the tags after it, waiting for the location line that ends the entry. */
interface Pending {
  line: number;
  info: string;
  album?: string;
  artist?: string;
}

/** Splits `#EXTINF:<length> [attributes],<display>` at the first comma outside quotes. */
function splitExtinf(info: string): { length: string; display: string } {
  let quoted = false;
  for (let i = 0; i < info.length; i += 1) {
    if (info[i] === '"') quoted = !quoted;
    else if (info[i] === ',' && !quoted) return { length: info.slice(0, i), display: info.slice(i + 1) };
  }
  return { length: info, display: '' };
}

/** `-1` (and 0) mean "unknown" in M3U; lengths are seconds, fractions allowed. */
function lengthMs(length: string): number | undefined {
  const seconds = /^\s*(-?\d+(?:\.\d+)?)/.exec(length)?.[1];
  if (seconds === undefined) throw new RowError(`The #EXTINF length "${clip(length.trim())}" is not a number of seconds.`);
  const n = Number(seconds);
  return n > 0 ? Math.round(n * 1000) : undefined;
}

function entryOf(pending: Pending | null, location: string | null): RawEntry {
  const linked = location ? serviceIdsIn([location]) : {};
  const fromPath = location ? titleFromLocation(location) : null;
  if (!pending) {
    if (!fromPath) {
      throw new RowError(
        `“${clip(location ?? '')}” is only a path or link: nothing names the track. Export the playlist as extended M3U (#EXTINF lines) to keep titles.`,
      );
    }
    return { title: fromPath.title, artists: [fromPath.artist], ...linked };
  }
  const { length, display } = splitExtinf(pending.info);
  const shown = cleanLine(display);
  const dash = shown.indexOf(' - ');
  let artist: string | null | undefined = pending.artist;
  let title: string | null = shown;
  if (dash > 0 && shown.slice(dash + 3).trim()) {
    artist ??= shown.slice(0, dash);
    title = shown.slice(dash + 3);
  } else if (!shown && fromPath) {
    artist ??= fromPath.artist;
    title = fromPath.title;
  }
  if (!title) throw new RowError('The #EXTINF line names no track, and its file name does not say one.');
  return { title, artists: [artist], album: pending.album, durationMs: lengthMs(length), ...linked };
}

/**
 * Reads an M3U or M3U8 playlist. Extended M3U (`#EXTM3U`) names each track on an
 * `#EXTINF:<seconds>,<Artist> - <Title>` line before its path or URL, with `#EXTALB`/`#EXTART`
 * where players write them and the playlist's name on `#PLAYLIST:`. A bare path or URL gives a
 * track only when its file name does ("Artist - Title.mp3"); otherwise it is an invalid row
 * saying so. Spotify and Apple Music links among the locations are kept as the entries' ids.
 */
export function parseM3u(text: string): FileHeader & { rows: ParsedRow[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const rows: ParsedRow[] = [];
  let title: string | null = null;
  let pending: Pending | null = null;
  const flush = (location: string | null, line: number) => {
    const current = pending;
    rows.push(readRow(current?.line ?? line, () => entryOf(current, location)));
    pending = null;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (!line) return;
    const tag = /^#([A-Z0-9-]+):?(.*)$/i.exec(line);
    if (tag) {
      const [, name, value] = tag;
      switch (name!.toUpperCase()) {
        case 'EXTINF':
          if (pending) flush(null, pending.line);
          pending = { line: n, info: value! };
          return;
        case 'PLAYLIST':
          title ??= cleanLine(value!) || null;
          return;
        case 'EXTALB':
          if (pending) pending.album = value;
          return;
        case 'EXTART':
          if (pending) pending.artist = value;
          return;
        default:
          // #EXTM3U, #EXTGENRE, #EXTIMG and plain comments say nothing about a track's identity.
          return;
      }
    }
    if (line.startsWith('#')) return;
    flush(line, n);
  });
  if (pending) flush(null, (pending as Pending).line);
  return { title, description: null, kind: null, ranked: null, rows };
}
