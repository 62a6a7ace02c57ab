import {
  type MusicProvider,
  type Page,
  type ProviderAlbum,
  type ProviderAlbumSummary,
  ProviderError,
  type ProviderPlaylistSummary,
  type ProviderTrack,
  type ProviderUser,
} from '../music-provider.port';
import { isIsrc } from '../../lib/isrc';
import { cursorFromNext, offsetFromCursor, parseAnswer } from '../parse-answer';
import { type ProviderHttp } from '../provider-http';
import { type AppleDeveloperToken } from './apple-developer-token';
import { APPLE_ARTWORK_SIZE, appleArtworkUrl, mapAppleAlbumSummary, mapAppleLibraryPlaylist, mapAppleSong, splitAppleArtists } from './apple-mapping';
import { AppleAlbum, AppleLibraryPlaylist, AppleSearch, AppleSong, AppleStorefront, list } from './apple-schemas';

/** Apple's `filter[isrc]` takes up to 25 ISRCs per call. */
export const APPLE_ISRC_BATCH = 25;
export const APPLE_SEARCH_LIMIT = 25;
const LIBRARY_PAGE = 100;
const APPEND_BATCH = 100;
const APPLE_ID = /^[A-Za-z0-9.]{1,100}$/;
const enc = encodeURIComponent;

/** What an Apple connection authenticates with: the app's developer token and the user's Music-User-Token. */
export interface AppleAuth {
  developerToken: AppleDeveloperToken;
  /** Absent for app-level calls (catalog only). */
  musicUserToken?: string | null;
}

/**
 * ProviderHttp options for Apple: the developer token on every call, the Music-User-Token on `/me` calls
 * only, and a fresh developer token after a 401.
 */
export function appleHttpAuth(auth: AppleAuth) {
  return {
    headers: async () => ({ authorization: `Bearer ${await auth.developerToken.get()}` }),
    onUnauthorized: async () => {
      auth.developerToken.renew();
      return true;
    },
  };
}

/**
 * Apple Music behind the MusicProvider port: a small typed client. Library playlists can be created and
 * appended to, never edited or deleted, so callers must not write twice.
 */
export class AppleProvider implements MusicProvider {
  readonly name = 'apple' as const;
  private storefrontId: Promise<string> | null;
  /** Library playlists read by this instance, by id: a read's first page refreshes its entry, later pages reuse it. */
  private readonly playlistHeads = new Map<string, AppleLibraryPlaylist>();

  constructor(
    private readonly http: ProviderHttp,
    private readonly auth: AppleAuth,
    /** The listener's storefront if known; else read from /me/storefront (with a user) or `fallbackStorefront`. */
    storefront: string | null,
    private readonly fallbackStorefront = 'us',
  ) {
    this.storefrontId = storefront ? Promise.resolve(storefront.toLowerCase()) : null;
  }

  private me<T>(req: Parameters<ProviderHttp['json']>[0]) {
    if (!this.auth.musicUserToken)
      throw new ProviderError('unauthorized', `${req.endpoint}: no Apple Music user token on this connection`, { status: 401, endpoint: req.endpoint });
    return this.http.json<T>({ ...req, headers: { ...req.headers, 'music-user-token': this.auth.musicUserToken } }).catch((err: unknown) => {
      // Apple answers 403 to a Music-User-Token that is expired or revoked: the listener must connect again.
      if (err instanceof ProviderError && err.kind === 'forbidden')
        throw new ProviderError('unauthorized', err.message, { status: 403, endpoint: req.endpoint, cause: err });
      throw err;
    });
  }

  /** The storefront every catalog call uses (the listener's, so availability is theirs). */
  storefront(): Promise<string> {
    this.storefrontId ??= this.auth.musicUserToken
      ? this.me({ method: 'GET', path: '/me/storefront', endpoint: 'GET /v1/me/storefront' })
          .then((r) => parseAnswer(list(AppleStorefront), r.body, 'GET /v1/me/storefront').data[0]?.id ?? this.fallbackStorefront)
          .catch((err: unknown) => {
            this.storefrontId = null;
            throw err;
          })
      : Promise.resolve(this.fallbackStorefront);
    return this.storefrontId;
  }

  /** Apple shows no account id or name; the storefront is what the API tells about the listener. */
  async currentUser(): Promise<ProviderUser> {
    const sf = await this.storefront();
    return { id: 'me', displayName: null, email: null, country: sf.toUpperCase() };
  }

  async listPlaylists(cursor?: string | null): Promise<Page<ProviderPlaylistSummary>> {
    const endpoint = 'GET /v1/me/library/playlists';
    const res = await this.me({ method: 'GET', path: '/me/library/playlists', endpoint, query: { limit: LIBRARY_PAGE, offset: offsetFromCursor(cursor) } });
    const page = parseAnswer(list(AppleLibraryPlaylist), res.body, endpoint);
    return { items: page.data.map((p) => mapAppleLibraryPlaylist(p)), next: cursorFromNext(page.next), total: page.meta?.total ?? null };
  }

  /**
   * A library playlist's songs, each with its catalog song (`include=catalog`) for the ISRC and catalog id.
   * The playlist itself (name, description) is read with the first page and reused for the later pages of
   * the same read, so a 2,000-song playlist costs one head call and 20 pages, not 20 of each.
   */
  async readPlaylist(id: string, cursor?: string | null): Promise<{ playlist: ProviderPlaylistSummary; tracks: Page<ProviderTrack> }> {
    this.assertId(id, 'GET /v1/me/library/playlists/{id}');
    const offset = offsetFromCursor(cursor);
    const known = offset === 0 ? undefined : this.playlistHeads.get(id);
    const [playlist, res] = await Promise.all([
      known ?? this.playlistHead(id),
      this.me({
        method: 'GET',
        path: `/me/library/playlists/${enc(id)}/tracks`,
        endpoint: 'GET /v1/me/library/playlists/{id}/tracks',
        query: { limit: LIBRARY_PAGE, offset, include: 'catalog' },
      }).catch((err: unknown) => {
        // An empty library playlist answers 404 on its tracks.
        if (err instanceof ProviderError && err.kind === 'not_found') return { status: 200, body: { data: [] }, headers: new Headers() };
        throw err;
      }),
    ]);
    const page = parseAnswer(list(AppleSong), res.body, 'GET /v1/me/library/playlists/{id}/tracks');
    const total = page.meta?.total ?? null;
    return {
      playlist: mapAppleLibraryPlaylist(playlist, total),
      tracks: { items: page.data.map((s) => mapAppleSong(s)), next: cursorFromNext(page.next), total },
    };
  }

  /** Reads a library playlist's own attributes afresh and keeps them for the later pages of this read. */
  private async playlistHead(id: string): Promise<AppleLibraryPlaylist> {
    const endpoint = 'GET /v1/me/library/playlists/{id}';
    const res = await this.me({ method: 'GET', path: `/me/library/playlists/${enc(id)}`, endpoint });
    const playlist = parseAnswer(list(AppleLibraryPlaylist), res.body, endpoint).data[0];
    if (!playlist) throw new ProviderError('not_found', `${endpoint}: no such playlist`, { status: 404, endpoint });
    this.playlistHeads.set(id, playlist);
    return playlist;
  }

  /** Up to 25 ISRCs per call; Apple may answer several songs per ISRC (album, single, compilation), all kept. */
  async tracksByIsrc(isrcs: string[]): Promise<Map<string, ProviderTrack[]>> {
    const wanted = [...new Set(isrcs.map((i) => i.trim().toUpperCase()))];
    const out = new Map<string, ProviderTrack[]>(wanted.map((i) => [i, []]));
    const valid = wanted.filter((i) => isIsrc(i));
    const sf = await this.storefront();
    const endpoint = 'GET /v1/catalog/{sf}/songs?filter[isrc]';
    for (let i = 0; i < valid.length; i += APPLE_ISRC_BATCH) {
      const batch = valid.slice(i, i + APPLE_ISRC_BATCH);
      let offset: string | null = '0';
      while (offset !== null) {
        const res: { body: unknown } = await this.http.json({
          method: 'GET',
          path: `/catalog/${enc(sf)}/songs`,
          endpoint,
          query: { 'filter[isrc]': batch.join(','), offset: offset === '0' ? undefined : offset },
        });
        const page = parseAnswer(list(AppleSong), res.body, endpoint);
        for (const song of page.data) {
          const track = mapAppleSong(song);
          if (track.isrc && out.has(track.isrc) && !out.get(track.isrc)!.some((t) => t.id === track.id)) out.get(track.isrc)!.push(track);
        }
        offset = page.data.length ? cursorFromNext(page.next, offset) : null;
      }
    }
    return out;
  }

  async searchTracks(query: string, limit = APPLE_SEARCH_LIMIT): Promise<ProviderTrack[]> {
    if (!query.trim()) return [];
    return ((await this.search(query, limit)).results.songs?.data ?? []).map((s) => mapAppleSong(s));
  }

  async searchAlbums(query: string, limit = APPLE_SEARCH_LIMIT): Promise<ProviderAlbumSummary[]> {
    if (!query.trim()) return [];
    return ((await this.search(query, limit)).results.albums?.data ?? []).map(mapAppleAlbumSummary);
  }

  private async search(term: string, limit: number) {
    const endpoint = 'GET /v1/catalog/{sf}/search';
    const sf = await this.storefront();
    const capped = Math.max(1, Math.min(APPLE_SEARCH_LIMIT, Math.floor(limit) || APPLE_SEARCH_LIMIT));
    const res = await this.http.json({
      method: 'GET',
      path: `/catalog/${enc(sf)}/search`,
      endpoint,
      query: { term: term.slice(0, 250), types: 'songs,albums', limit: capped },
    });
    return parseAnswer(AppleSearch, res.body, endpoint);
  }

  /** An album with all its tracks (`relationships.tracks`, followed past its first page). */
  async readAlbum(id: string): Promise<ProviderAlbum> {
    const endpoint = 'GET /v1/catalog/{sf}/albums/{id}';
    this.assertId(id, endpoint);
    const sf = await this.storefront();
    const res = await this.http.json({ method: 'GET', path: `/catalog/${enc(sf)}/albums/${enc(id)}`, endpoint });
    const album = parseAnswer(list(AppleAlbum), res.body, endpoint).data[0];
    if (!album) throw new ProviderError('not_found', `${endpoint}: no such album`, { status: 404, endpoint });
    const songs = [...(album.relationships?.tracks?.data ?? [])];
    let next = cursorFromNext(album.relationships?.tracks?.next);
    while (next) {
      const tracksEndpoint = 'GET /v1/catalog/{sf}/albums/{id}/tracks';
      const page = parseAnswer(
        list(AppleSong),
        (await this.http.json({ method: 'GET', path: `/catalog/${enc(sf)}/albums/${enc(id)}/tracks`, endpoint: tracksEndpoint, query: { offset: next } })).body,
        tracksEndpoint,
      );
      songs.push(...page.data);
      next = page.data.length ? cursorFromNext(page.next, next) : null;
    }
    const a = album.attributes;
    const albumRef = {
      id: album.id,
      title: a.name,
      upc: a.upc ?? null,
      releaseYear: a.releaseDate ? Number(a.releaseDate.slice(0, 4)) || null : null,
      artworkUrl: appleArtworkUrl(a.artwork, APPLE_ARTWORK_SIZE),
    };
    return {
      id: album.id,
      title: a.name,
      artists: splitAppleArtists(a.artistName),
      upc: a.upc ?? null,
      releaseDate: a.releaseDate ?? null,
      artworkUrl: albumRef.artworkUrl,
      url: a.url ?? null,
      tracks: songs.map((s) => mapAppleSong(s, albumRef)),
    };
  }

  async createPlaylist(name: string, description?: string): Promise<ProviderPlaylistSummary> {
    const endpoint = 'POST /v1/me/library/playlists';
    const res = await this.me({
      method: 'POST',
      path: '/me/library/playlists',
      endpoint,
      json: { attributes: { name: name.slice(0, 200), ...(description ? { description: description.slice(0, 300) } : {}) } },
    });
    const created = parseAnswer(list(AppleLibraryPlaylist), res.body, endpoint).data[0];
    if (!created) throw new ProviderError('bad_response', `${endpoint}: no playlist in the answer`, { status: res.status, endpoint });
    return mapAppleLibraryPlaylist(created, 0);
  }

  /** Appends catalog songs (numeric ids) or library songs (`i.` ids), 100 per call; Apple cannot undo an append. */
  async appendTracks(playlistId: string, trackIds: string[]): Promise<void> {
    const endpoint = 'POST /v1/me/library/playlists/{id}/tracks';
    this.assertId(playlistId, endpoint);
    const data = trackIds.map((id) => {
      if (!APPLE_ID.test(id)) throw new RangeError(`Not an Apple Music song id: ${id.slice(0, 80)}`);
      return { id, type: /^\d+$/.test(id) ? 'songs' : 'library-songs' };
    });
    for (let i = 0; i < data.length; i += APPEND_BATCH) {
      await this.me({ method: 'POST', path: `/me/library/playlists/${enc(playlistId)}/tracks`, endpoint, json: { data: data.slice(i, i + APPEND_BATCH) } });
    }
  }

  async previewUrl(trackId: string): Promise<string | null> {
    const endpoint = 'GET /v1/catalog/{sf}/songs/{id}';
    this.assertId(trackId, endpoint);
    const sf = await this.storefront();
    const res = await this.http.json({ method: 'GET', path: `/catalog/${enc(sf)}/songs/${enc(trackId)}`, endpoint });
    const song = parseAnswer(list(AppleSong), res.body, endpoint).data[0];
    return song?.attributes?.previews?.[0]?.url ?? null;
  }

  private assertId(id: string, endpoint: string): void {
    if (!APPLE_ID.test(id)) throw new ProviderError('not_found', `${endpoint}: not an Apple Music id`, { status: 404, endpoint });
  }
}
