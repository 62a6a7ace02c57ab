import { type z } from 'zod';
import { COVER_WIDTHS } from '@muse/shared';
import { artworkAddress } from '../artwork-sizes';
import { type ProviderAlbumSummary, type ProviderPlaylistSummary, type ProviderTrack } from '../music-provider.port';
import { type SpotifyPlaylist, type SpotifySimplifiedAlbum, type SpotifyTrack } from './spotify-schemas';

/**
 * The largest image's address, naming for each width Muse stores the smallest of Spotify's
 * images at least that wide (the largest when none is), so the artwork worker keeps Spotify's
 * own 64, 300 and 640 px images (see `artworkAddress`). Images without a width count as smallest.
 */
export function largestImage(images: { url: string; width?: number | null }[] | null | undefined): string | null {
  if (!images?.length) return null;
  const widest = [...images].sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
  const largest = widest[0]!.url;
  const atLeast = (width: number) => widest.filter((image) => (image.width ?? 0) >= width).at(-1)?.url ?? largest;
  return artworkAddress(largest, new Map(COVER_WIDTHS.map((width) => [width, atLeast(width)])));
}

function releaseYear(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/**
 * A Spotify track (or a playlist's local file) as a ProviderTrack. Local files have no id, so their
 * `spotify:local:` uri stands in; availability follows `is_playable`/`restrictions` (present with a market).
 */
export function mapSpotifyTrack(t: SpotifyTrack, albumFallback?: ProviderTrack['album'], isLocalEntry = false): ProviderTrack {
  const isLocal = Boolean(t.is_local || isLocalEntry);
  const album = t.album
    ? {
        id: t.album.id ?? null,
        title: t.album.name,
        upc: t.album.external_ids?.upc ?? null,
        releaseYear: releaseYear(t.album.release_date),
        artworkUrl: largestImage(t.album.images),
      }
    : (albumFallback ?? null);
  return {
    id: t.id ?? t.uri ?? `local:${t.name}`,
    title: t.name,
    artists: t.artists.map((a) => a.name),
    album,
    durationMs: t.duration_ms ?? null,
    isrc: t.external_ids?.isrc ? t.external_ids.isrc.toUpperCase() : null,
    explicit: t.explicit ?? null,
    available: !isLocal && t.is_playable !== false && !t.restrictions,
    isLocal,
    previewUrl: t.preview_url ?? null,
    url: t.external_urls?.spotify ?? null,
  };
}

export function mapSpotifyPlaylist(p: SpotifyPlaylist, userId: string | null): ProviderPlaylistSummary {
  return {
    id: p.id,
    name: p.name,
    description: p.description || null,
    ownerId: p.owner.id,
    ownerName: p.owner.display_name ?? null,
    trackCount: p.items?.total ?? p.tracks?.total ?? 0,
    url: p.external_urls?.spotify ?? null,
    artworkUrl: largestImage(p.images),
    ownedByUser: userId !== null && p.owner.id === userId,
  };
}

export function mapSpotifyAlbumSummary(a: z.infer<typeof SpotifySimplifiedAlbum> & { id: string }): ProviderAlbumSummary {
  return {
    id: a.id,
    title: a.name,
    artists: a.artists.map((x) => x.name),
    releaseDate: a.release_date ?? null,
    artworkUrl: largestImage(a.images),
    trackCount: a.total_tracks ?? null,
    url: a.external_urls?.spotify ?? null,
  };
}
