import {
  type MusicProvider,
  type OnTokens,
  type Page,
  type ProviderAlbum,
  type ProviderAlbumSummary,
  type ProviderCredentials,
  ProviderError,
  type ProviderPlaylistSummary,
  type ProviderTrack,
  type ProviderUser,
} from '../music-provider.port';
import { isIsrc } from '../../lib/isrc';
import { cursorFromNext, offsetFromCursor, parseAnswer } from '../parse-answer';
import { type ProviderHttp } from '../provider-http';
import { mapSpotifyAlbumSummary, mapSpotifyPlaylist, mapSpotifyTrack, largestImage } from './spotify-mapping';
import { paging, SpotifyAlbum, SpotifyPlaylist, SpotifyPlaylistEntry, SpotifySearch, SpotifyTrack, SpotifyUser } from './spotify-schemas';
import type { z } from 'zod';

/*
 * Every call below is a direct typed call through ProviderHttp. spotify-web-api-node (5.0.2, 2021) cannot
 * carry them: its transport is its own superagent client with api.spotify.com:443 fixed in its request
 * builder (so the sandbox's base URL cannot be used) and no 429, retry or refresh handling (so calls
 * through it would escape the token bucket, the backoff and the call counts). Where its call is still
 * current, the request here is the same one the library sends, named in the comment; where it is retired
 * (playlist `/tracks`), the current endpoint is used.
 */

/** Spotify answers at most 10 search results per type since 2026. */
export const SPOTIFY_SEARCH_LIMIT = 10;
/** At most 100 uris per `POST /playlists/{id}/items`. */
export const SPOTIFY_APPEND_BATCH = 100;
const PLAYLISTS_PAGE = 50;
const ITEMS_PAGE = 100;
const ALBUM_TRACKS_PAGE = 50;
const SPOTIFY_ID = /^[A-Za-z0-9]{1,64}$/;

/** How the adapter authenticates: a user's connection (refreshable) or the app's client-credentials token. */
export interface SpotifyAuth {
  /** The bearer token for the next call. */
  accessToken(): Promise<string> | string;
  /** Gets new credentials after a 401; false when that is not possible (no refresh token). */
  renew(): Promise<boolean>;
  /** Whether calls carry a user: then catalog calls ask for `market=from_token`, so availability is the user's. */
  readonly userContext: boolean;
}

/** Tokens are refreshed this long before they expire, so no call goes out with one about to lapse. */
const REFRESH_AHEAD_MS = 60_000;

/**
 * A user's connection: refreshes with the stored refresh token shortly before expiry or after a 401,
 * one refresh at a time however many calls are waiting, and hands the new tokens to `onTokens`.
 */
export function userAuth(
  credentials: ProviderCredentials,
  refresh: ((refreshToken: string) => Promise<ProviderCredentials>) | null,
  onTokens?: OnTokens,
  now: () => number = Date.now,
): SpotifyAuth {
  let current = credentials;
  let pending: Promise<boolean> | null = null;
  const renew = (): Promise<boolean> => {
    if (!refresh || !current.refreshToken) return Promise.resolve(false);
    pending ??= (async () => {
      try {
        current = { ...current, ...(await refresh(current.refreshToken!)) };
        await onTokens?.(current);
        return true;
      } finally {
        pending = null;
      }
    })();
    return pending;
  };
  return {
    userContext: true,
    async accessToken() {
      if (pending) await pending.catch(() => undefined);
      else if (current.expiresAt && current.refreshToken && refresh && current.expiresAt.getTime() - REFRESH_AHEAD_MS <= now()) await renew();
      return current.accessToken;
    },
    renew,
  };
}

const enc = encodeURIComponent;

/** A page of playlist entries, as the items endpoint answers and the playlist object embeds. */
const EntriesPage = paging(SpotifyPlaylistEntry);

/** The tracks of a page of entries (removed tracks and podcast episodes left out), with the playlist's size. */
function entriesOf(summary: ProviderPlaylistSummary, page: z.infer<typeof EntriesPage>): { playlist: ProviderPlaylistSummary; tracks: Page<ProviderTrack> } {
  const items: ProviderTrack[] = [];
  for (const entry of page.items) {
    const t = entry.item ?? entry.track;
    if (!t || (t.type !== undefined && t.type !== 'track')) continue;
    items.push(mapSpotifyTrack(t, null, entry.is_local ?? false));
  }
  const total = page.total ?? summary.trackCount;
  return { playlist: { ...summary, trackCount: total }, tracks: { items, next: cursorFromNext(page.next), total } };
}

/** Spotify behind the MusicProvider port. One instance per connection (its ProviderHttp paces that connection). */
export class SpotifyProvider implements MusicProvider {
  readonly name = 'spotify' as const;
  private me: Promise<ProviderUser> | null = null;
  private readonly playlists = new Map<string, ProviderPlaylistSummary>();

  constructor(
    private readonly http: ProviderHttp,
    private readonly auth: SpotifyAuth,
    /** Market for calls without a user (client credentials), e.g. `US`; user calls use `from_token`. */
    private readonly appMarket: string | null = null,
    /** The user's Spotify id, when the connection knows it: then no call asks who they are. */
    private readonly accountId: string | null = null,
  ) {}

  /** The user's Spotify id: the connection's, else asked of Spotify once. */
  private async userId(): Promise<string> {
    return this.accountId ?? (await this.currentUser()).id;
  }

  /** Builds the ProviderHttp options that make this adapter's calls authenticate and refresh through `auth`. */
  static httpAuth(auth: SpotifyAuth) {
    return { headers: async () => ({ authorization: `Bearer ${await auth.accessToken()}` }), onUnauthorized: () => auth.renew() };
  }

  private get market(): string | undefined {
    return this.auth.userContext ? 'from_token' : (this.appMarket ?? undefined);
  }

  // Mirrors spotify-web-api-node `getMe` (GET /v1/me, current).
  currentUser(): Promise<ProviderUser> {
    this.me ??= this.http
      .json({ method: 'GET', path: '/me', endpoint: 'GET /v1/me' })
      .then((r) => {
        const u = parseAnswer(SpotifyUser, r.body, 'GET /v1/me');
        return { id: u.id, displayName: u.display_name ?? null, email: u.email ?? null, country: u.country ?? null };
      })
      .catch((err: unknown) => {
        this.me = null;
        throw err;
      });
    return this.me;
  }

  // Direct: GET /v1/me/playlists (the library's `getUserPlaylists` reads /v1/users/{id}/playlists, retired for this use).
  async listPlaylists(cursor?: string | null): Promise<Page<ProviderPlaylistSummary>> {
    const endpoint = 'GET /v1/me/playlists';
    const [me, res] = await Promise.all([
      this.userId(),
      this.http.json({ method: 'GET', path: '/me/playlists', endpoint, query: { limit: PLAYLISTS_PAGE, offset: offsetFromCursor(cursor) } }),
    ]);
    const page = parseAnswer(paging(SpotifyPlaylist.nullable()), res.body, endpoint);
    const items = page.items.filter((p) => p !== null).map((p) => mapSpotifyPlaylist(p, me));
    for (const p of items) this.playlists.set(p.id, p);
    return { items, next: cursorFromNext(page.next), total: page.total ?? null };
  }

  /**
   * Direct: GET /v1/playlists/{id} (the library's `getPlaylist`, current), whose answer embeds the
   * first page of entries, so a playlist of up to 100 tracks is one call; later pages are GET
   * /v1/playlists/{id}/items (current; the library's `getPlaylistTracks` reads retired /tracks). A
   * 403 on items of a playlist the user does not own is development mode's restriction:
   * `forbidden_dev_mode` (Spotify then embeds no entries either).
   */
  async readPlaylist(id: string, cursor?: string | null): Promise<{ playlist: ProviderPlaylistSummary; tracks: Page<ProviderTrack> }> {
    this.assertId(id, 'GET /v1/playlists/{id}');
    const offset = offsetFromCursor(cursor);
    if (offset === 0) {
      // The first page reads the playlist afresh (name, owner, size may have changed); later pages reuse it.
      const { summary, firstPage } = await this.readHead(id);
      if (firstPage) return entriesOf(summary, firstPage);
      return entriesOf(summary, await this.readItems(id, summary, 0));
    }
    const summary = this.playlists.get(id) ?? (await this.readHead(id)).summary;
    return entriesOf(summary, await this.readItems(id, summary, offset));
  }

  private async readItems(id: string, summary: ProviderPlaylistSummary, offset: number): Promise<z.infer<typeof EntriesPage>> {
    const endpoint = 'GET /v1/playlists/{id}/items';
    const res = await this.http
      .json({
        method: 'GET',
        path: `/playlists/${enc(id)}/items`,
        endpoint,
        query: { limit: ITEMS_PAGE, offset, market: this.market, additional_types: 'track' },
      })
      .catch((err: unknown) => {
        if (err instanceof ProviderError && err.kind === 'forbidden' && !summary.ownedByUser) {
          throw new ProviderError(
            'forbidden_dev_mode',
            `Spotify lets this app read only playlists you own or collaborate on; "${summary.name}" belongs to ${summary.ownerName ?? summary.ownerId}.`,
            { status: 403, endpoint, cause: err },
          );
        }
        throw err;
      });
    return parseAnswer(EntriesPage, res.body, endpoint);
  }

  /** The playlist's summary (kept for its later pages) and, when Spotify embedded it, its first page of entries. */
  private async readHead(id: string): Promise<{ summary: ProviderPlaylistSummary; firstPage: z.infer<typeof EntriesPage> | null }> {
    const endpoint = 'GET /v1/playlists/{id}';
    const [me, res] = await Promise.all([
      this.auth.userContext ? this.userId() : Promise.resolve(null),
      this.http.json({ method: 'GET', path: `/playlists/${enc(id)}`, endpoint, query: { market: this.market, additional_types: 'track' } }),
    ]);
    const summary = mapSpotifyPlaylist(parseAnswer(SpotifyPlaylist, res.body, endpoint), me);
    this.playlists.set(id, summary);
    const body = res.body as { items?: unknown; tracks?: unknown };
    const embedded = EntriesPage.safeParse(body.items ?? body.tracks);
    return { summary, firstPage: embedded.success ? embedded.data : null };
  }

  // Mirrors the library's `searchTracks` for each ISRC (GET /v1/search?q=isrc:..., current): Spotify has no batch ISRC lookup.
  async tracksByIsrc(isrcs: string[]): Promise<Map<string, ProviderTrack[]>> {
    const wanted = [...new Set(isrcs.map((i) => i.trim().toUpperCase()))];
    const out = new Map<string, ProviderTrack[]>();
    for (const isrc of wanted) {
      if (!isIsrc(isrc)) {
        out.set(isrc, []);
        continue;
      }
      const found = await this.search(`isrc:${isrc}`, 'track', SPOTIFY_SEARCH_LIMIT);
      out.set(
        isrc,
        (found.tracks?.items ?? []).map((t) => mapSpotifyTrack(t)).filter((t) => t.isrc === isrc),
      );
    }
    return out;
  }

  // Mirrors the library's `searchTracks` (GET /v1/search?type=track, current), limit capped at 10.
  async searchTracks(query: string, limit = SPOTIFY_SEARCH_LIMIT): Promise<ProviderTrack[]> {
    if (!query.trim()) return [];
    return ((await this.search(query, 'track', limit)).tracks?.items ?? []).map((t) => mapSpotifyTrack(t));
  }

  // Mirrors the library's `searchAlbums` (GET /v1/search?type=album, current), limit capped at 10.
  async searchAlbums(query: string, limit = SPOTIFY_SEARCH_LIMIT): Promise<ProviderAlbumSummary[]> {
    if (!query.trim()) return [];
    return ((await this.search(query, 'album', limit)).albums?.items ?? []).map(mapSpotifyAlbumSummary);
  }

  private async search(q: string, type: 'track' | 'album', limit: number) {
    const endpoint = 'GET /v1/search';
    const capped = Math.max(1, Math.min(SPOTIFY_SEARCH_LIMIT, Math.floor(limit) || SPOTIFY_SEARCH_LIMIT));
    const res = await this.http.json({ method: 'GET', path: '/search', endpoint, query: { q: q.slice(0, 250), type, limit: capped, market: this.market } });
    return parseAnswer(SpotifySearch, res.body, endpoint);
  }

  /**
   * Mirrors the library's `getAlbum` (GET /v1/albums/{id}) and `getAlbumTracks` (GET /v1/albums/{id}/tracks) for
   * albums past one page, then `getTrack` (GET /v1/tracks/{id}) per track: album tracks carry no ISRC, and the
   * batch GET /v1/tracks?ids= is retired.
   */
  async readAlbum(id: string): Promise<ProviderAlbum> {
    const endpoint = 'GET /v1/albums/{id}';
    this.assertId(id, endpoint);
    const res = await this.http.json({ method: 'GET', path: `/albums/${enc(id)}`, endpoint, query: { market: this.market } });
    const album = parseAnswer(SpotifyAlbum, res.body, endpoint);
    const simplified = [...album.tracks.items];
    let next = cursorFromNext(album.tracks.next);
    while (next) {
      const tracksEndpoint = 'GET /v1/albums/{id}/tracks';
      const page = await this.http.json({
        method: 'GET',
        path: `/albums/${enc(id)}/tracks`,
        endpoint: tracksEndpoint,
        query: { limit: ALBUM_TRACKS_PAGE, offset: next, market: this.market },
      });
      const parsed = parseAnswer(paging(SpotifyTrack), page.body, tracksEndpoint);
      simplified.push(...parsed.items);
      next = parsed.items.length ? cursorFromNext(parsed.next, next) : null;
    }
    const albumRef = {
      id: album.id,
      title: album.name,
      upc: album.external_ids?.upc ?? null,
      releaseYear: album.release_date ? Number(album.release_date.slice(0, 4)) || null : null,
      artworkUrl: largestImage(album.images),
    };
    const tracks: ProviderTrack[] = [];
    for (const t of simplified) {
      const full = t.id
        ? await this.track(t.id).catch((err: unknown) => (err instanceof ProviderError && err.kind === 'not_found' ? null : Promise.reject(err)))
        : null;
      tracks.push({ ...mapSpotifyTrack(full ?? t, albumRef), album: albumRef });
    }
    return {
      id: album.id,
      title: album.name,
      artists: album.artists.map((a) => a.name),
      upc: albumRef.upc,
      releaseDate: album.release_date ?? null,
      artworkUrl: albumRef.artworkUrl,
      url: album.external_urls?.spotify ?? null,
      tracks,
    };
  }

  // Direct: POST /v1/me/playlists (current; the library's `createPlaylist` sends the same request).
  async createPlaylist(name: string, description?: string): Promise<ProviderPlaylistSummary> {
    const endpoint = 'POST /v1/me/playlists';
    const [me, res] = await Promise.all([
      this.currentUser(),
      this.http.json({
        method: 'POST',
        path: '/me/playlists',
        endpoint,
        json: { name: name.slice(0, 200), description: description?.slice(0, 300), public: false },
      }),
    ]);
    const summary = mapSpotifyPlaylist(parseAnswer(SpotifyPlaylist, res.body, endpoint), me.id);
    this.playlists.set(summary.id, summary);
    return summary;
  }

  // Direct: POST /v1/playlists/{id}/items, 100 uris per call (the library's `addTracksToPlaylist` posts to retired /tracks).
  async appendTracks(playlistId: string, trackIds: string[]): Promise<void> {
    const endpoint = 'POST /v1/playlists/{id}/items';
    this.assertId(playlistId, endpoint);
    const uris = trackIds.map((id) => {
      const bare = id.startsWith('spotify:track:') ? id.slice('spotify:track:'.length) : id;
      if (!SPOTIFY_ID.test(bare)) throw new RangeError(`Not a Spotify track id: ${id.slice(0, 80)}`);
      return `spotify:track:${bare}`;
    });
    for (let i = 0; i < uris.length; i += SPOTIFY_APPEND_BATCH) {
      await this.http.json({ method: 'POST', path: `/playlists/${enc(playlistId)}/items`, endpoint, json: { uris: uris.slice(i, i + SPOTIFY_APPEND_BATCH) } });
    }
  }

  /** Mostly null: Spotify no longer gives `preview_url` to new apps. */
  async previewUrl(trackId: string): Promise<string | null> {
    this.assertId(trackId, 'GET /v1/tracks/{id}');
    return (await this.track(trackId)).preview_url ?? null;
  }

  // Mirrors the library's `getTrack` (GET /v1/tracks/{id}, current).
  private async track(id: string): Promise<SpotifyTrack> {
    const endpoint = 'GET /v1/tracks/{id}';
    const res = await this.http.json({ method: 'GET', path: `/tracks/${enc(id)}`, endpoint, query: { market: this.market } });
    return parseAnswer(SpotifyTrack, res.body, endpoint);
  }

  private assertId(id: string, endpoint: string): void {
    // An id that is not one cannot exist on the service; answering not_found saves a call and keeps odd text out of URLs.
    if (!SPOTIFY_ID.test(id)) throw new ProviderError('not_found', `${endpoint}: not a Spotify id`, { status: 404, endpoint });
  }
}
