import { IsrcSchema, PLAYLIST_LIMITS, UpcSchema, type EntrySnapshot, type ProviderName, type ServiceIds } from '@muse/shared';
import type { StoredEntry } from '../../docstore/playlist-store.port';
import { randomToken } from '../../lib/ids';
import type { ProviderTrack } from '../../providers/music-provider.port';
import type { AlbumMatch, CatalogMatchQuery, TrackMatch } from '../catalog/track-match.read-model';

export const SERVICE_NAMES: Record<ProviderName, string> = { spotify: 'Spotify', apple: 'Apple Music' };

/** How an imported track ended up: linked to the catalog, kept as a snapshot (why), or not found in the catalog. */
export type EntryKind = 'linked' | 'local' | 'unavailable' | 'unlinked';

/** The notes snapshot-only entries carry, so the playlist page says why they link nowhere. */
export function localFileNote(provider: ProviderName): string {
  return provider === 'spotify'
    ? 'A local file in your Spotify library: kept by its name, not linked to a streaming track.'
    : 'An upload in your Apple Music library: kept by its name, not linked to a catalog song.';
}
export function unavailableNote(provider: ProviderName): string {
  return `Unavailable on ${SERVICE_NAMES[provider]} in your country when imported.`;
}

// C0 controls and DEL: snapshot text may hold none of them.
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** Text a snapshot can hold: control characters gone, spaces collapsed, at most `max` characters; null when nothing is left. */
function clean(text: string | null | undefined, max: number = PLAYLIST_LIMITS.snapshotText): string | null {
  if (!text) return null;
  const cleaned = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned.slice(0, max).trim() : null;
}

const valid = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: unknown): T | null => {
  if (value === null || value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? (parsed.data as T) : null;
};

/** A Spotify local file, or an Apple library upload: no catalog id on the service, only the text the user's file carried. */
export function isLocalTrack(provider: ProviderName, track: ProviderTrack): boolean {
  return track.isLocal || (provider === 'apple' && !/^\d+$/.test(track.id));
}

/** What the service says about a track, in the shape (and within the limits) a playlist entry stores. */
export function snapshotOf(track: ProviderTrack): EntrySnapshot {
  const durationMs = Number.isInteger(track.durationMs) && track.durationMs! >= 0 && track.durationMs! <= 24 * 3600 * 1000 ? track.durationMs : null;
  const year = track.album?.releaseYear;
  return {
    title: clean(track.title) ?? 'Untitled track',
    artists: track.artists
      .map((a) => clean(a))
      .filter((a): a is string => a !== null)
      .slice(0, 20),
    album: clean(track.album?.title),
    durationMs,
    isrc: valid<string>(IsrcSchema, track.isrc),
    upc: valid<string>(UpcSchema, track.album?.upc),
    explicit: track.explicit,
    releaseYear: Number.isInteger(year) && year! >= 1000 && year! <= 9999 ? year : null,
  };
}

/** The source service's own id of a track, when it has one (local files and uploads have none). */
export function serviceIdsOf(provider: ProviderName, track: ProviderTrack): ServiceIds {
  return isLocalTrack(provider, track) || !track.id || track.id.length > 100 ? {} : { [provider]: track.id };
}

/** What the track-match read model is asked about a track. */
export function matchQueryOf(provider: ProviderName, track: ProviderTrack): CatalogMatchQuery {
  return { snapshot: snapshotOf(track), serviceIds: serviceIdsOf(provider, track) };
}

/**
 * What the track-match read model is asked about the album of a track it did not find: the
 * album's title, UPC, year and id on the service, with the track's artists (a service's track
 * names no album artist). Null when the track names no album.
 */
export function albumQueryOf(provider: ProviderName, track: ProviderTrack): CatalogMatchQuery | null {
  const { artists, album, upc, releaseYear } = snapshotOf(track);
  if (!album) return null;
  const id = track.album?.id;
  return { snapshot: { title: album, artists, upc, releaseYear }, serviceIds: id && id.length <= 100 ? { [provider]: id } : {} };
}

/** Whether the catalog is asked about the track at all: local files and unavailable tracks stay snapshot-only. */
export function isMatchable(provider: ProviderName, track: ProviderTrack): boolean {
  return !isLocalTrack(provider, track) && track.available;
}

/**
 * The entry a track becomes: the service's values first and the catalog's where the service says
 * nothing (the cover, a missing ISRC), the source service's id plus the other service's id when the
 * catalog knows it, and the catalog track when one matched. A track the catalog lacks still links
 * to its album when `album` (asked with `albumQueryOf`) found it.
 */
export function buildEntry(
  provider: ProviderName,
  track: ProviderTrack,
  match: TrackMatch | null,
  added: { by: string; at: Date },
  album: AlbumMatch | null = null,
): { entry: StoredEntry; kind: EntryKind } {
  const query = matchQueryOf(provider, track);
  const base = { id: randomToken(9), addedBy: added.by, addedAt: added.at };
  if (isLocalTrack(provider, track)) {
    return { entry: { ...base, ...query, trackId: null, albumId: null, note: localFileNote(provider) }, kind: 'local' };
  }
  if (!track.available) {
    return { entry: { ...base, ...query, trackId: null, albumId: null, note: unavailableNote(provider) }, kind: 'unavailable' };
  }
  const given = Object.fromEntries(Object.entries(query.snapshot).filter(([, v]) => v !== undefined && v !== null));
  if (!match || match.trackId === null) {
    if (!album || album.albumId === null) return { entry: { ...base, ...query, trackId: null, albumId: null, note: null }, kind: 'unlinked' };
    // The album's facts only (its UPC, year, cover): its service ids name the album, not the track.
    const snapshot = { ...album.snapshot, ...given } as EntrySnapshot;
    return { entry: { ...base, snapshot, serviceIds: query.serviceIds, trackId: null, albumId: album.albumId, note: null }, kind: 'unlinked' };
  }
  return {
    entry: {
      ...base,
      snapshot: { ...match.snapshot, ...given } as EntrySnapshot,
      serviceIds: { ...match.serviceIds, ...query.serviceIds },
      trackId: match.trackId,
      albumId: match.albumId,
      note: null,
    },
    kind: 'linked',
  };
}
