import { ProviderHttp } from '../provider-http';
import { SpotifyProvider, userAuth } from './spotify-provider';

/*
 * The adapter calls Spotify directly (spotify-web-api-node's transport cannot take a base URL or go
 * through ProviderHttp). For the calls where the library is still current, this checks that the
 * adapter sends the very request the library would: same method, path, query and body.
 */

type LibraryRequest = {
  getPath(): string;
  getQueryParameters(): Record<string, unknown> | undefined;
  getBodyParameters(): Record<string, unknown> | undefined;
};
type Captured = { method: string; path: string; query: Record<string, string>; body: unknown };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const HttpManager = require('spotify-web-api-node/src/http-manager') as Record<
  'get' | 'post',
  (req: LibraryRequest, cb: (err: unknown, res?: unknown) => void) => void
>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SpotifyWebApi = require('spotify-web-api-node') as new (opts: { accessToken: string }) => Record<string, (...args: unknown[]) => Promise<unknown>>;

const normalisePath = (p: string) => p.replace(/^\/v1/, '').replace(/\/$/, '');

/** What the library would send for one call, taken at its transport instead of sent. */
async function libraryRequest(call: (api: Record<string, (...args: unknown[]) => Promise<unknown>>) => Promise<unknown>): Promise<Captured> {
  let captured: Captured | null = null;
  const capture = (method: string) => (req: LibraryRequest, cb: (err: unknown, res?: unknown) => void) => {
    const query = Object.fromEntries(
      Object.entries(req.getQueryParameters() ?? {})
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    captured = { method, path: normalisePath(req.getPath()), query, body: req.getBodyParameters() ?? null };
    cb(null, { body: {}, headers: {}, statusCode: 200 });
  };
  const get = jest.spyOn(HttpManager, 'get').mockImplementation(capture('GET'));
  const post = jest.spyOn(HttpManager, 'post').mockImplementation(capture('POST'));
  try {
    await call(new SpotifyWebApi({ accessToken: 't' }));
  } finally {
    get.mockRestore();
    post.mockRestore();
  }
  return captured!;
}

const track = { id: 'T1', name: 'Song', artists: [{ name: 'A' }], duration_ms: 1000, external_ids: { isrc: 'USAAA0000001' } };
const answers: Record<string, unknown> = {
  '/me': { id: 'u1', display_name: 'U' },
  '/search': { tracks: { items: [], total: 0 }, albums: { items: [], total: 0 } },
  '/albums/A1': { id: 'A1', name: 'Album', artists: [], tracks: { items: [], total: 0 } },
  '/tracks/T1': track,
  '/playlists/P1': { id: 'P1', name: 'P', owner: { id: 'u1' } },
  '/me/playlists': { id: 'P2', name: 'New', owner: { id: 'u1' } },
  // Entries as the 2026 API sends them (`item`), an older answer (`track`), a removed track and a podcast episode.
  '/playlists/P1/items': {
    items: [
      { is_local: false, item: { ...track, type: 'track' } },
      { is_local: false, track: { ...track, id: 'T2' } },
      { item: null },
      { item: { type: 'episode', name: 'Ep', artists: [] } },
    ],
    total: 4,
    next: null,
  },
};

/** The adapter over a fetch that records each request and answers a minimal valid body. */
function adapter() {
  const seen: Captured[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const path = normalisePath(url.pathname);
    seen.push({ method: init?.method ?? 'GET', path, query: Object.fromEntries(url.searchParams), body: init?.body ? JSON.parse(String(init.body)) : null });
    return new Response(JSON.stringify(answers[path] ?? {}), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const auth = userAuth({ accessToken: 't' }, null);
  const provider = new SpotifyProvider(new ProviderHttp({ baseUrl: 'https://api.spotify.com/v1', fetch: fetchStub, ...SpotifyProvider.httpAuth(auth) }), auth);
  return { provider, seen };
}

describe("the adapter's direct calls mirror spotify-web-api-node where it is current", () => {
  it('when getting the current user, then it is getMe', async () => {
    const { provider, seen } = adapter();
    await provider.currentUser();
    expect(seen[0]).toEqual(await libraryRequest((api) => api.getMe!()));
  });

  it('when searching tracks and albums, then it is searchTracks / searchAlbums with the same query', async () => {
    const { provider, seen } = adapter();
    await provider.searchTracks('love', 7);
    await provider.searchAlbums('love', 7);
    expect(seen[0]).toEqual(await libraryRequest((api) => api.searchTracks!('love', { limit: 7, market: 'from_token' })));
    expect(seen[1]).toEqual(await libraryRequest((api) => api.searchAlbums!('love', { limit: 7, market: 'from_token' })));
  });

  it('when reading an album and a track, then it is getAlbum and getTrack', async () => {
    const { provider, seen } = adapter();
    await provider.readAlbum('A1');
    await provider.previewUrl('T1');
    expect(seen[0]).toEqual(await libraryRequest((api) => api.getAlbum!('A1', { market: 'from_token' })));
    expect(seen[1]).toEqual(await libraryRequest((api) => api.getTrack!('T1', { market: 'from_token' })));
  });

  it('when creating a playlist, then it is createPlaylist (POST /me/playlists)', async () => {
    const { provider, seen } = adapter();
    await provider.createPlaylist('New', 'About');
    const post = seen.find((s) => s.method === 'POST')!;
    expect(post).toEqual(await libraryRequest((api) => api.createPlaylist!('New', { description: 'About', public: false })));
  });

  it('when reading a playlist whose answer embeds no entries, then its head is getPlaylist, and its entries use /items where the library still reads the retired /tracks', async () => {
    const { provider, seen } = adapter();
    const { tracks } = await provider.readPlaylist('P1');
    expect(tracks.items.map((t) => [t.id, t.isrc])).toEqual([
      ['T1', 'USAAA0000001'],
      ['T2', 'USAAA0000001'],
    ]);
    expect(seen.find((s) => s.path === '/playlists/P1')).toEqual(
      await libraryRequest((api) => api.getPlaylist!('P1', { market: 'from_token', additional_types: 'track' })),
    );
    const retired = await libraryRequest((api) => api.getPlaylistTracks!('P1', { limit: 100, offset: 0 }));
    expect(retired.path).toBe('/playlists/P1/tracks');
    expect(seen.find((s) => s.path.startsWith('/playlists/P1/'))!.path).toBe('/playlists/P1/items');
  });
});
