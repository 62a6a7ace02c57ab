/**
 * Muse's JSPF extension namespaces. JSPF keeps application data in `extension` objects keyed by
 * a URI naming the application; ListenBrainz uses `https://musicbrainz.org/doc/jspf#track` and
 * `#playlist`, and Muse follows the same pattern. The host is under `.example`, which RFC 2606
 * reserves, so the key can never collide with (or point at) anyone's real site, and it is the
 * same on every Muse: a file exported from one Muse is read by another. The playlist's own
 * address is in `identifier`, not here.
 */
export const MUSE_JSPF_TRACK = 'https://muse.example/jspf#track';
export const MUSE_JSPF_PLAYLIST = 'https://muse.example/jspf#playlist';

/** What Muse writes under `MUSE_JSPF_TRACK` for each entry (absent values are left out). */
export interface MuseJspfTrack {
  entryId: string;
  trackId?: string;
  albumId?: string;
  /** Every credited artist; `creator` holds them joined for other readers. */
  artists: string[];
  isrc?: string;
  upc?: string;
  spotify?: string;
  apple?: string;
  note?: string;
  explicit?: boolean;
  releaseYear?: number;
  addedBy: string;
  addedAt: string;
}

/** What Muse writes under `MUSE_JSPF_PLAYLIST`. */
export interface MuseJspfPlaylist {
  id: string;
  kind: 'playlist' | 'list';
  ranked: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An extension body: ListenBrainz writes an object, the JSPF draft an array of them; either is read. */
export function extensionBody(extension: unknown, key: string): Record<string, unknown> | undefined {
  if (!isObject(extension)) return undefined;
  const body = extension[key];
  const first = Array.isArray(body) ? body[0] : body;
  return isObject(first) ? first : undefined;
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
