import type { SandboxArtist, SandboxCatalog, SpotifyAlbum, SpotifyTrack } from './sandbox-catalog-types';
import { SANDBOX_USERS, spotifyEntryAt, spotifyPlaylistLength, type LocalFile, type SpotifyEntry, type SpotifyPlaylist } from './sandbox-library';

/** Where the answer's links point: the sandbox's own origin, as the real API points at api.spotify.com. */
export interface SpotifyContext {
  origin: string;
  catalog: SandboxCatalog;
}

const MARKETS = ['CA', 'DE', 'GB', 'SE', 'US'];

const api = (ctx: SpotifyContext) => `${ctx.origin}/spotify/v1`;
const open = (kind: string, id: string) => ({ spotify: `https://open.spotify.com/${kind}/${id}` });

function images(ctx: SpotifyContext, id: string) {
  return [640, 300, 64].map((size) => ({ url: `${ctx.origin}/artwork/${id}/${size}x${size}.png`, height: size, width: size }));
}

export function artistJson(ctx: SpotifyContext, artist: SandboxArtist) {
  return {
    external_urls: open('artist', artist.spotifyId),
    href: `${api(ctx)}/artists/${artist.spotifyId}`,
    id: artist.spotifyId,
    name: artist.name,
    type: 'artist',
    uri: `spotify:artist:${artist.spotifyId}`,
  };
}

export function simplifiedAlbumJson(ctx: SpotifyContext, album: SpotifyAlbum) {
  return {
    album_type: album.albumType,
    total_tracks: album.trackIds.length,
    available_markets: MARKETS,
    external_urls: open('album', album.id),
    href: `${api(ctx)}/albums/${album.id}`,
    id: album.id,
    images: images(ctx, album.id),
    name: album.name,
    release_date: album.releaseDate,
    release_date_precision: album.releaseDatePrecision,
    type: 'album',
    uri: `spotify:album:${album.id}`,
    artists: album.artists.map((a) => artistJson(ctx, a)),
  };
}

/** The fields a track and a simplified track share. */
function trackCore(ctx: SpotifyContext, track: SpotifyTrack) {
  return {
    artists: track.artists.map((a) => artistJson(ctx, a)),
    disc_number: track.discNumber,
    duration_ms: track.durationMs,
    explicit: track.explicit,
    external_urls: open('track', track.id),
    href: `${api(ctx)}/tracks/${track.id}`,
    id: track.id,
    is_playable: track.playable,
    ...(track.playable ? {} : { restrictions: { reason: 'market' } }),
    name: track.name,
    preview_url: null,
    track_number: track.trackNumber,
    type: 'track',
    uri: `spotify:track:${track.id}`,
    is_local: false,
  };
}

export function trackJson(ctx: SpotifyContext, track: SpotifyTrack) {
  const album = ctx.catalog.spotify.albumById.get(track.albumId)!;
  return { album: simplifiedAlbumJson(ctx, album), ...trackCore(ctx, track), external_ids: { isrc: track.isrc }, popularity: 0 };
}

export function simplifiedTrackJson(ctx: SpotifyContext, track: SpotifyTrack) {
  return trackCore(ctx, track);
}

/**
 * A local file as Spotify really sends it: nulls where it has no id, an album without a type
 * of its own, and a `spotify:local:` uri. The OpenAPI document does not describe this shape.
 */
export function localTrackJson(file: LocalFile) {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return {
    album: {
      album_type: null,
      artists: [],
      available_markets: [],
      external_urls: {},
      href: null,
      id: null,
      images: [],
      name: file.album,
      release_date: null,
      release_date_precision: null,
      type: 'album',
      uri: null,
    },
    artists: [{ external_urls: {}, href: null, id: null, name: file.artist, type: 'artist', uri: null }],
    available_markets: [],
    disc_number: 0,
    duration_ms: file.durationMs,
    explicit: false,
    external_ids: {},
    external_urls: {},
    href: null,
    id: null,
    is_local: true,
    name: file.name,
    popularity: 0,
    preview_url: null,
    track_number: 0,
    type: 'track',
    uri: `spotify:local:${enc(file.artist)}:${enc(file.album)}:${enc(file.name)}:${Math.round(file.durationMs / 1000)}`,
  };
}

export function userRefJson(ctx: SpotifyContext, userId: string) {
  return { external_urls: open('user', userId), href: `${api(ctx)}/users/${userId}`, id: userId, type: 'user', uri: `spotify:user:${userId}` };
}

export function ownerJson(ctx: SpotifyContext, userId: string) {
  return { ...userRefJson(ctx, userId), display_name: SANDBOX_USERS.find((u) => u.id === userId)?.displayName ?? null };
}

export function entryJson(ctx: SpotifyContext, entry: SpotifyEntry) {
  const isLocal = 'local' in entry.item;
  const item = 'local' in entry.item ? localTrackJson(entry.item) : trackJson(ctx, entry.item);
  return { added_at: entry.addedAt, added_by: userRefJson(ctx, entry.addedBy), is_local: isLocal, primary_color: null, item, track: item };
}

/** A page in Spotify's paging shape; `next`/`previous` are absolute URLs like the real ones. */
export function pageJson<T>(url: string, items: T[], offset: number, limit: number, total: number) {
  const at = (o: number) => {
    const u = new URL(url);
    u.searchParams.set('offset', String(o));
    u.searchParams.set('limit', String(limit));
    return u.toString();
  };
  return {
    href: at(offset),
    items,
    limit,
    next: offset + limit < total ? at(offset + limit) : null,
    offset,
    previous: offset > 0 ? at(Math.max(0, offset - limit)) : null,
    total,
  };
}

export function snapshotId(p: SpotifyPlaylist): string {
  return Buffer.from(`${p.version}:${p.id}:${spotifyPlaylistLength(p)}`).toString('base64url');
}

export function simplifiedPlaylistJson(ctx: SpotifyContext, p: SpotifyPlaylist) {
  const ref = (kind: string) => ({ href: `${api(ctx)}/playlists/${p.id}/${kind}`, total: spotifyPlaylistLength(p) });
  return {
    collaborative: p.collaborative,
    description: p.description,
    external_urls: open('playlist', p.id),
    href: `${api(ctx)}/playlists/${p.id}`,
    id: p.id,
    images: spotifyPlaylistLength(p) ? images(ctx, p.id) : [],
    name: p.name,
    owner: ownerJson(ctx, p.ownerId),
    primary_color: null,
    public: p.public,
    snapshot_id: snapshotId(p),
    items: ref('items'),
    tracks: ref('tracks'),
    type: 'playlist',
    uri: `spotify:playlist:${p.id}`,
  };
}

/** A page of a playlist's entries (entries are made on demand, so only this page is built). */
export function entriesPageJson(ctx: SpotifyContext, p: SpotifyPlaylist, url: string, offset: number, limit: number) {
  const total = spotifyPlaylistLength(p);
  const items: ReturnType<typeof entryJson>[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i += 1) items.push(entryJson(ctx, spotifyEntryAt(ctx.catalog, p, i)));
  return pageJson(url, items, offset, limit, total);
}

/** The full playlist; without `withItems` (development mode, not the user's) its entries are left out. */
export function playlistJson(ctx: SpotifyContext, p: SpotifyPlaylist, withItems: boolean) {
  const { items: _items, tracks: _tracks, ...rest } = simplifiedPlaylistJson(ctx, p);
  const page = withItems ? entriesPageJson(ctx, p, `${api(ctx)}/playlists/${p.id}/items`, 0, 100) : null;
  return { ...rest, followers: { href: null, total: p.followers.length }, ...(page ? { items: page, tracks: page } : {}) };
}

export function albumJson(ctx: SpotifyContext, album: SpotifyAlbum) {
  const year = album.releaseDate.slice(0, 4);
  const tracks = album.trackIds.map((id) => ctx.catalog.spotify.trackById.get(id)!);
  return {
    ...simplifiedAlbumJson(ctx, album),
    tracks: pageJson(
      `${api(ctx)}/albums/${album.id}/tracks`,
      tracks.slice(0, 50).map((t) => simplifiedTrackJson(ctx, t)),
      0,
      50,
      tracks.length,
    ),
    copyrights: [
      { text: `© ${year} ${album.label}`, type: 'C' },
      { text: `℗ ${year} ${album.label}`, type: 'P' },
    ],
    external_ids: { upc: album.upc },
    genres: album.genres,
    label: album.label,
    popularity: 0,
  };
}
