import { SaxesParser } from 'saxes';
import { AppError } from '../../lib/app-error';
import { all, child, textOf, type XmlElement } from '../../seed/xml-records';
import type { FileHeader } from './parse-jspf';
import { readRow, RowError, type ParsedRow, type RawEntry } from './playlist-file-entry';
import { cleanLine, cleanNote } from './playlist-file-text';
import { durationCell, serviceIdsIn } from './playlist-file-values';
import { titleFromLocation } from './titles-from-paths';

/** An element with the line its start tag ended on, so rows can say where they are. */
interface LocatedElement extends XmlElement {
  line: number;
  children: LocatedElement[];
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Reads the whole document into a small tree of local names. Application `extension` elements
 * (VLC's ids, options) are dropped. A DOCTYPE is refused before anything else: entity
 * definitions are how XML bombs and external-entity reads work, and no playlist needs one.
 */
function readTree(text: string): LocatedElement {
  const parser = new SaxesParser({ position: true });
  const stack: LocatedElement[] = [];
  let root: LocatedElement | undefined;
  let skipDepth = 0;
  parser.on('doctype', () => {
    throw AppError.badRequest('malformed_playlist_file', 'The XML file has a DOCTYPE declaration; playlist files have none, and Muse does not read them.');
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (skipDepth > 0 || name === 'extension') {
      skipDepth += 1;
      return;
    }
    const element: LocatedElement = { name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [], text: '', line: parser.line };
    if (stack.length) stack[stack.length - 1]!.children.push(element);
    else root = element;
    stack.push(element);
  });
  const onText = (t: string) => {
    if (skipDepth === 0 && stack.length) stack[stack.length - 1]!.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (skipDepth > 0) skipDepth -= 1;
    else stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const at = /^(\d+):(\d+): (.*)$/s.exec(message);
    const where = at ? ` at line ${at[1]}, column ${at[2]}` : '';
    throw AppError.badRequest('malformed_playlist_file', `The file is not valid XML${where}: ${(at?.[3] ?? message).replace(/\.$/, '')}.`);
  }
  return root!;
}

/**
 * Reads an XSPF playlist (VLC, Clementine, Strawberry, Audacious): the playlist's title and
 * annotation, and each `trackList/track` with title, creator, album, duration (ms), annotation,
 * image, and Spotify or Apple Music links among its `location`s and `identifier`s. A track
 * without a title is named after its file when the file name says it ("Artist - Title.mp3").
 */
export function parseXspf(text: string): FileHeader & { rows: ParsedRow[] } {
  const root = readTree(text);
  if (root.name !== 'playlist') {
    throw AppError.badRequest('malformed_playlist_file', `This XML is not an XSPF playlist: its root element is <${root.name}>, not <playlist>.`);
  }
  const tracks = all(root, 'trackList', 'track') as LocatedElement[];
  return {
    title: cleanLine(textOf(root, 'title')) || null,
    description: cleanNote(textOf(root, 'annotation')) || null,
    kind: null,
    ranked: null,
    rows: tracks.map((track) => readRow(track.line, () => readTrack(track))),
  };
}

function readTrack(track: LocatedElement): RawEntry {
  const locations = all(track, 'location').map((l) => l.text.trim());
  const uris = [...locations, ...all(track, 'identifier').map((i) => i.text.trim())];
  const linked = serviceIdsIn(uris);
  let title = textOf(track, 'title');
  let creator = textOf(track, 'creator');
  if (!title) {
    const derived = locations.map(titleFromLocation).find((d) => d !== null);
    if (!derived) throw new RowError(locations.length ? 'The track has no title, and its file name does not say one.' : 'The track has no title.');
    title = derived.title;
    creator ||= derived.artist ?? '';
  }
  const image = textOf(track, 'image');
  return {
    title,
    artists: [creator],
    album: textOf(track, 'album'),
    // XSPF durations are milliseconds.
    durationMs: child(track, 'duration') ? durationCell(textOf(track, 'duration'), 'ms') : undefined,
    coverUrl: /^https?:\/\//i.test(image) ? image : undefined,
    note: textOf(track, 'annotation') || undefined,
    spotify: linked.spotify,
    apple: linked.apple,
  };
}
