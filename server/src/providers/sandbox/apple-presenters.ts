import type { AppleAlbum, AppleSong, SandboxCatalog } from './sandbox-catalog-types';
import { appleEntryAt, type AppleLibraryEntry, type AppleLibraryPlaylist } from './sandbox-library';
import { hash32 } from './sandbox-random';

export interface AppleContext {
  origin: string;
  storefront: string;
  catalog: SandboxCatalog;
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'album'
  );
}

/** Apple's artwork: a URL template with `{w}` and `{h}`, keyed by UPC so both services show one cover. */
export function artworkJson(ctx: AppleContext, key: string) {
  const colour = (shift: number) => ((hash32(key) >>> shift) & 0xffffff).toString(16).padStart(6, '0');
  return {
    width: 1400,
    height: 1400,
    url: `${ctx.origin}/artwork/${key}/{w}x{h}.png`,
    bgColor: colour(0),
    textColor1: 'ffffff',
    textColor2: 'eeeeee',
    textColor3: 'dddddd',
    textColor4: 'cccccc',
  };
}

export function inStorefront(ctx: AppleContext, song: AppleSong): boolean {
  return song.storefronts.includes(ctx.storefront);
}

export function songRef(ctx: AppleContext, song: AppleSong) {
  return { id: song.id, type: 'songs', href: `/v1/catalog/${ctx.storefront}/songs/${song.id}` };
}

/** A catalog song; one sold elsewhere only keeps no `playParams` or `previews`, as Apple shows it. */
export function songJson(ctx: AppleContext, song: AppleSong, withRelationships = true) {
  const album = ctx.catalog.apple.albumById.get(song.albumId)!;
  const playable = inStorefront(ctx, song);
  return {
    ...songRef(ctx, song),
    attributes: {
      albumName: song.albumName,
      artistName: song.artistName,
      artwork: artworkJson(ctx, album.upc),
      discNumber: song.discNumber,
      durationInMillis: song.durationMs,
      genreNames: song.genreNames,
      hasLyrics: false,
      isAppleDigitalMaster: false,
      isrc: song.isrc,
      name: song.name,
      ...(playable ? { playParams: { id: song.id, kind: 'song' }, previews: [{ url: `${ctx.origin}/apple/previews/${song.id}.m4a` }] } : { previews: [] }),
      releaseDate: song.releaseDate,
      trackNumber: song.trackNumber,
      url: `https://music.apple.com/${ctx.storefront}/album/${slug(album.name)}/${album.id}?i=${song.id}`,
      ...(song.contentRating ? { contentRating: song.contentRating } : {}),
    },
    ...(withRelationships
      ? {
          relationships: {
            albums: {
              href: `/v1/catalog/${ctx.storefront}/songs/${song.id}/albums`,
              data: [{ id: album.id, type: 'albums', href: `/v1/catalog/${ctx.storefront}/albums/${album.id}` }],
            },
            artists: {
              href: `/v1/catalog/${ctx.storefront}/songs/${song.id}/artists`,
              data: song.artists.map((a) => ({ id: a.appleId, type: 'artists', href: `/v1/catalog/${ctx.storefront}/artists/${a.appleId}` })),
            },
          },
        }
      : {}),
  };
}

export function albumAttributes(ctx: AppleContext, album: AppleAlbum) {
  return {
    artistName: album.artistName,
    artwork: artworkJson(ctx, album.upc),
    copyright: `℗ ${album.releaseDate.slice(0, 4)} ${album.recordLabel}`,
    genreNames: album.genreNames,
    isCompilation: album.isCompilation,
    isComplete: true,
    isMasteredForItunes: false,
    isSingle: album.isSingle,
    name: album.name,
    playParams: { id: album.id, kind: 'album' },
    recordLabel: album.recordLabel,
    releaseDate: album.releaseDate,
    trackCount: album.songIds.length,
    upc: album.upc,
    url: `https://music.apple.com/${ctx.storefront}/album/${slug(album.name)}/${album.id}`,
    ...(album.contentRating ? { contentRating: album.contentRating } : {}),
  };
}

export function albumRefJson(ctx: AppleContext, album: AppleAlbum) {
  return { id: album.id, type: 'albums', href: `/v1/catalog/${ctx.storefront}/albums/${album.id}`, attributes: albumAttributes(ctx, album) };
}

/** A catalog album with its artists and tracks, as `GET /catalog/{sf}/albums/{id}` answers. */
export function albumJson(ctx: AppleContext, album: AppleAlbum) {
  const songs = album.songIds.map((id) => ctx.catalog.apple.songById.get(id)!);
  return {
    ...albumRefJson(ctx, album),
    relationships: {
      artists: {
        href: `/v1/catalog/${ctx.storefront}/albums/${album.id}/artists`,
        data: album.artists.map((a) => ({ id: a.appleId, type: 'artists', href: `/v1/catalog/${ctx.storefront}/artists/${a.appleId}` })),
      },
      tracks: { href: `/v1/catalog/${ctx.storefront}/albums/${album.id}/tracks`, data: songs.map((s) => songJson(ctx, s, false)) },
    },
  };
}

export function libraryPlaylistJson(p: AppleLibraryPlaylist) {
  return {
    id: p.id,
    type: 'library-playlists',
    href: `/v1/me/library/playlists/${p.id}`,
    attributes: {
      canEdit: true,
      dateAdded: p.dateAdded,
      description: { standard: p.description },
      hasCatalog: true,
      isPublic: false,
      name: p.name,
      playParams: { id: p.id, kind: 'playlist', isLibrary: true },
    },
  };
}

/** A library song: catalog facts without the ISRC, a `catalogId` when it came from the catalog. */
export function librarySongJson(ctx: AppleContext, entry: AppleLibraryEntry, includeCatalog: boolean) {
  const song = entry.song;
  const base = { id: entry.libraryId, type: 'library-songs', href: `/v1/me/library/songs/${entry.libraryId}` };
  if (!song) {
    const u = entry.upload!;
    return {
      ...base,
      attributes: {
        albumName: u.albumName,
        artistName: u.artistName,
        discNumber: 1,
        durationInMillis: u.durationMs,
        genreNames: [],
        hasLyrics: false,
        name: u.name,
        playParams: { id: entry.libraryId, kind: 'song', isLibrary: true, reporting: false },
        trackNumber: 1,
      },
    };
  }
  const album = ctx.catalog.apple.albumById.get(song.albumId)!;
  return {
    ...base,
    attributes: {
      albumName: song.albumName,
      artistName: song.artistName,
      artwork: artworkJson(ctx, album.upc),
      discNumber: song.discNumber,
      durationInMillis: song.durationMs,
      genreNames: song.genreNames,
      hasLyrics: false,
      name: song.name,
      playParams: { id: entry.libraryId, kind: 'song', isLibrary: true, reporting: true, catalogId: song.id },
      releaseDate: song.releaseDate,
      trackNumber: song.trackNumber,
      ...(song.contentRating ? { contentRating: song.contentRating } : {}),
    },
    ...(includeCatalog
      ? {
          relationships: {
            catalog: { href: `/v1/me/library/songs/${entry.libraryId}/catalog`, data: inStorefront(ctx, song) ? [songJson(ctx, song, false)] : [] },
          },
        }
      : {}),
  };
}

/** One page of a library playlist's songs. */
export function libraryTracksPage(ctx: AppleContext, p: AppleLibraryPlaylist, offset: number, limit: number, includeCatalog: boolean) {
  const total = p.generated + p.appended.length;
  const data = [];
  for (let i = offset; i < Math.min(total, offset + limit); i += 1) data.push(librarySongJson(ctx, appleEntryAt(ctx.catalog, p, i), includeCatalog));
  const nextOffset = offset + limit < total ? offset + limit : null;
  const include = includeCatalog ? '&include=catalog' : '';
  return { data, ...(nextOffset !== null ? { next: `/v1/me/library/playlists/${p.id}/tracks?offset=${nextOffset}${include}` } : {}), meta: { total } };
}
