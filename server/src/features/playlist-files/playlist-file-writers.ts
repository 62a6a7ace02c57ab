import type { PlaylistDocument, StoredEntry } from '../../docstore/playlist-store.port';
import { toCsv as writeCsv, type CsvValue } from '../../lib/csv-write';
import { MUSE_JSPF_PLAYLIST, MUSE_JSPF_TRACK, type MuseJspfPlaylist, type MuseJspfTrack } from './jspf-extension';
import { ARTIST_SEPARATOR, MUSE_CSV_COLUMNS, type MuseCsvColumn } from './playlist-csv-columns';

/** Who the playlist belongs to, as a file names its creator. */
export interface FileOwner {
  handle: string;
}

export interface JspfOptions {
  /** The Muse's public address: the playlist's `identifier` is its page there, else `urn:uuid:<id>`. */
  baseUrl?: string;
}

/** One JSPF track as Muse writes it. */
export interface JspfTrack {
  title: string;
  creator?: string;
  album?: string;
  duration?: number;
  image?: string;
  annotation?: string;
  identifier: string[];
  extension: { [MUSE_JSPF_TRACK]: MuseJspfTrack };
}

/** A JSPF document as Muse writes it (the shape ListenBrainz exports, with Muse's extension). */
export interface JspfDocument {
  playlist: {
    title: string;
    creator: string;
    annotation?: string;
    date: string;
    identifier: string;
    extension: { [MUSE_JSPF_PLAYLIST]: MuseJspfPlaylist };
    track: JspfTrack[];
  };
}

/** Drops undefined and null members, as JSPF leaves unknown elements out. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** Links to the entry on the services: a track on a playlist, an album on a list. */
function serviceLinks(entry: StoredEntry, kind: PlaylistDocument['kind']): string[] {
  const what = kind === 'list' ? 'album' : 'track';
  const links: string[] = [];
  if (entry.serviceIds.spotify) links.push(`https://open.spotify.com/${what}/${entry.serviceIds.spotify}`);
  if (entry.serviceIds.apple) links.push(`https://music.apple.com/us/${kind === 'list' ? 'album' : 'song'}/${entry.serviceIds.apple}`);
  return links;
}

function jspfTrack(entry: StoredEntry, kind: PlaylistDocument['kind']): JspfTrack {
  const s = entry.snapshot;
  const muse: MuseJspfTrack = defined({
    entryId: entry.id,
    trackId: entry.trackId ?? undefined,
    albumId: entry.albumId ?? undefined,
    artists: s.artists,
    isrc: s.isrc ?? undefined,
    upc: s.upc ?? undefined,
    spotify: entry.serviceIds.spotify,
    apple: entry.serviceIds.apple,
    note: entry.note ?? undefined,
    explicit: s.explicit ?? undefined,
    releaseYear: s.releaseYear ?? undefined,
    addedBy: entry.addedBy,
    addedAt: entry.addedAt.toISOString(),
  });
  return defined({
    title: s.title,
    creator: s.artists.length ? s.artists.join(', ') : undefined,
    album: s.album ?? undefined,
    duration: s.durationMs ?? undefined,
    image: s.coverUrl ?? undefined,
    annotation: entry.note ?? undefined,
    identifier: serviceLinks(entry, kind),
    extension: { [MUSE_JSPF_TRACK]: muse },
  });
}

/**
 * The playlist as JSPF, the JSON playlist format ListenBrainz reads and writes: its standard
 * fields (title, creator, album, duration in ms, identifier links to Spotify and Apple Music)
 * for any JSPF reader, and everything else an entry holds (every artist, ISRC, UPC, service ids,
 * note, catalog ids, who added it and when) under Muse's extension, so importing the file into
 * Muse gives the same entries back.
 */
export function toJspf(doc: PlaylistDocument, owner: FileOwner, options: JspfOptions = {}): JspfDocument {
  const base = options.baseUrl?.replace(/\/+$/, '');
  return {
    playlist: defined({
      title: doc.title,
      creator: owner.handle,
      annotation: doc.description || undefined,
      date: doc.createdAt.toISOString(),
      identifier: base ? `${base}/playlists/${doc.id}` : `urn:uuid:${doc.id}`,
      extension: {
        [MUSE_JSPF_PLAYLIST]: {
          id: doc.id,
          kind: doc.kind,
          ranked: doc.ranked,
          createdAt: doc.createdAt.toISOString(),
          updatedAt: doc.updatedAt.toISOString(),
        },
      },
      track: doc.entries.map((entry) => jspfTrack(entry, doc.kind)),
    }),
  };
}

/**
 * The playlist as CSV with the columns Muse's CSV reader knows (`MUSE_CSV_COLUMNS`), one entry a
 * row in order, written by the exports' CSV writer (so a title starting with `=` opens as text
 * in a spreadsheet, and the reader undoes that guard).
 */
export function toCsv(doc: PlaylistDocument): string {
  const rows = doc.entries.map((entry): Record<MuseCsvColumn, CsvValue> => {
    const s = entry.snapshot;
    return {
      title: s.title,
      artist: s.artists.join(ARTIST_SEPARATOR),
      album: s.album,
      duration_ms: s.durationMs,
      isrc: s.isrc,
      upc: s.upc,
      spotify: entry.serviceIds.spotify,
      apple: entry.serviceIds.apple,
      explicit: s.explicit,
      release_year: s.releaseYear,
      cover_url: s.coverUrl,
      note: entry.note,
      muse_track_id: entry.trackId,
      muse_album_id: entry.albumId,
      added_by: entry.addedBy,
      added_at: entry.addedAt.toISOString(),
    };
  });
  return writeCsv(MUSE_CSV_COLUMNS, rows);
}
