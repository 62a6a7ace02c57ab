import { COVER_WIDTHS } from '@muse/shared';
import { artworkAddress } from '../artwork-sizes';
import { type ProviderAlbumSummary, type ProviderPlaylistSummary, type ProviderTrack } from '../music-provider.port';
import { type AppleAlbum, type AppleLibraryPlaylist, type AppleSong } from './apple-schemas';

/** Size of the artwork address itself (what opening it shows); the artwork worker fetches the widths it names instead. */
export const APPLE_ARTWORK_SIZE = 1000;

/**
 * Fills Apple's `{w}x{h}` artwork template at `size`, naming the template filled at each width
 * Muse stores, so Apple draws every stored size itself (see `artworkAddress`). Never larger
 * than the original.
 */
export function appleArtworkUrl(
  artwork: { url: string; width?: number | null; height?: number | null } | null | undefined,
  size = APPLE_ARTWORK_SIZE,
): string | null {
  if (!artwork?.url) return null;
  const template = artwork.url;
  const at = (side: number) => {
    const w = Math.min(side, artwork.width ?? side);
    const h = Math.min(side, artwork.height ?? side);
    return template.replace('{w}', String(w)).replace('{h}', String(h)).replace('{f}', 'jpg');
  };
  return artworkAddress(at(size), new Map(COVER_WIDTHS.map((width) => [width, at(width)])));
}

/** Apple lists artists as one string ("A & B", "A, B & C"); split so they compare with Spotify's lists. */
export function splitAppleArtists(artistName: string | null | undefined): string[] {
  if (!artistName) return [];
  return artistName
    .split(/\s*(?:,|&)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * An Apple catalog or library song as a ProviderTrack. A library song with its catalog song attached
 * (`include=catalog`) is described by the catalog song, so its ISRC and catalog id are known.
 */
export function mapAppleSong(song: AppleSong, album?: ProviderTrack['album']): ProviderTrack {
  // With `include=catalog` the relationship is authoritative: empty means not sold in this storefront.
  const catalogRelation = song.relationships?.catalog;
  const catalog = catalogRelation?.data?.[0];
  const source = catalog ?? song;
  const a = source.attributes ?? song.attributes;
  const isCatalogSong = /^\d+$/.test(song.id);
  const catalogId = catalog?.id ?? song.attributes?.playParams?.catalogId ?? (isCatalogSong ? song.id : null);
  // A catalog song sold only elsewhere comes without playParams; a library upload has no catalog id.
  const available = catalogRelation
    ? Boolean(catalog && (catalog.attributes?.playParams ?? !catalog.attributes))
    : isCatalogSong
      ? Boolean(a?.playParams)
      : catalogId !== null;
  // Catalog song URLs name their album: https://music.apple.com/us/album/<slug>/<album id>?i=<song id>.
  const albumId = song.relationships?.albums?.data?.[0]?.id ?? (a?.url ? (/\/album\/[^/]+\/(\d+)/.exec(a.url)?.[1] ?? null) : null);
  return {
    id: catalogId ?? song.id,
    title: a?.name ?? '',
    artists: splitAppleArtists(a?.artistName),
    album:
      album ?? (a?.albumName ? { id: albumId, title: a.albumName, releaseYear: releaseYear(a.releaseDate), artworkUrl: appleArtworkUrl(a.artwork) } : null),
    durationMs: a?.durationInMillis ?? null,
    isrc: a?.isrc ? a.isrc.toUpperCase() : null,
    explicit: a?.contentRating ? a.contentRating === 'explicit' : a ? false : null,
    available,
    isLocal: false,
    previewUrl: a?.previews?.[0]?.url ?? null,
    url: a?.url ?? null,
  };
}

function releaseYear(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

export function mapAppleAlbumSummary(a: AppleAlbum): ProviderAlbumSummary {
  return {
    id: a.id,
    title: a.attributes.name,
    artists: splitAppleArtists(a.attributes.artistName),
    releaseDate: a.attributes.releaseDate ?? null,
    artworkUrl: appleArtworkUrl(a.attributes.artwork),
    trackCount: a.attributes.trackCount ?? null,
    url: a.attributes.url ?? null,
    upc: a.attributes.upc ?? null,
  };
}

/** Library playlists belong to the signed-in listener; Apple shows no owner id, so `me` stands for them. */
export function mapAppleLibraryPlaylist(p: AppleLibraryPlaylist, trackCount?: number | null): ProviderPlaylistSummary {
  return {
    id: p.id,
    name: p.attributes?.name ?? '',
    description: p.attributes?.description?.standard || null,
    ownerId: 'me',
    ownerName: null,
    trackCount: trackCount ?? p.attributes?.trackCount ?? 0,
    url: p.attributes?.url ?? null,
    artworkUrl: appleArtworkUrl(p.attributes?.artwork),
    ownedByUser: p.attributes?.canEdit ?? true,
  };
}
