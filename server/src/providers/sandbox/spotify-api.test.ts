import { clientCredentialsToken, signInSpotify, spotifyGet, spotifySend, startTestSandbox } from './sandbox-test-kit';
import type { ProviderSandbox } from './start-sandbox';

let sandbox: ProviderSandbox;
let user: string;
let other: string;
let app: string;

interface Page<T> {
  href: string;
  items: T[];
  next: string | null;
  previous: string | null;
  total: number;
  limit: number;
  offset: number;
}
interface PlaylistSummary {
  id: string;
  name: string;
  collaborative: boolean;
  owner: { id: string };
  items: { total: number };
}
interface Entry {
  is_local: boolean;
  item: { id: string | null; is_playable?: boolean; restrictions?: { reason: string }; external_ids?: { isrc: string } };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  user = (await signInSpotify(sandbox)).access_token;
  other = (await signInSpotify(sandbox, 'someone-else')).access_token;
  app = await clientCredentialsToken(sandbox);
});
afterAll(() => sandbox.stop());
afterEach(() => sandbox.knobs.reset());

async function myPlaylists(token = user): Promise<PlaylistSummary[]> {
  return ((await spotifyGet(sandbox, '/me/playlists?limit=50', token)).body as Page<PlaylistSummary>).items;
}

describe('Spotify Web API in the sandbox', () => {
  it('when the demo listener lists playlists, then the contract sizes, a followed and a collaborative playlist are there', async () => {
    const playlists = await myPlaylists();
    const own = playlists.filter((p) => p.owner.id === 'demo-listener').map((p) => p.items.total);
    expect(own.sort((a, b) => a - b)).toEqual([5, 50, 300, 2000, 10000]);
    expect(playlists.some((p) => p.owner.id === 'someone-else' && !p.collaborative)).toBe(true);
    expect(playlists.some((p) => p.owner.id === 'someone-else' && p.collaborative)).toBe(true);
    expect(playlists.find((p) => p.name === 'Quiet evenings')).toBeUndefined();
  });

  it('when playlists are paged two at a time, then next/previous are absolute URLs and every playlist comes once', async () => {
    const first = (await spotifyGet(sandbox, '/me/playlists?limit=2', user)).body as Page<PlaylistSummary>;
    expect(first).toMatchObject({ limit: 2, offset: 0, previous: null, total: 7 });
    expect(first.next).toBe(`${sandbox.url}/spotify/v1/me/playlists?offset=2&limit=2`);
    const ids = [...first.items.map((p) => p.id)];
    let next = first.next;
    while (next) {
      const page = (await spotifyGet(sandbox, next, user)).body as Page<PlaylistSummary>;
      expect(page.previous).not.toBeNull();
      ids.push(...page.items.map((p) => p.id));
      next = page.next;
    }
    expect(new Set(ids).size).toBe(7);
  });

  it('when the 10,000-track playlist is read at its end, then the last page is short, has no next and the same entries come back on a second read', async () => {
    const big = (await myPlaylists()).find((p) => p.items.total === 10000)!;
    const last = (await spotifyGet(sandbox, `/playlists/${big.id}/items?offset=9950&limit=100`, user)).body as Page<Entry>;
    expect(last.items).toHaveLength(50);
    expect(last.next).toBeNull();
    expect(last.previous).toContain('offset=9850');
    const again = (await spotifyGet(sandbox, `/playlists/${big.id}/items?offset=9950&limit=100`, user)).body as Page<Entry>;
    expect(again.items).toEqual(last.items);
    const past = (await spotifyGet(sandbox, `/playlists/${big.id}/items?offset=20000`, user)).body as Page<Entry>;
    expect(past).toMatchObject({ items: [], next: null, total: 10000 });
  });

  it('when the 5-track playlist is read, then it carries a local file and a track not playable in the market', async () => {
    const small = (await myPlaylists()).find((p) => p.items.total === 5)!;
    const page = (await spotifyGet(sandbox, `/playlists/${small.id}/items?market=from_token`, user)).body as Page<Entry>;
    expect(page.items.filter((e) => e.is_local)).toHaveLength(1);
    expect(page.items.find((e) => e.item.is_playable === false)?.item.restrictions).toEqual({ reason: 'market' });
    expect(page.items.filter((e) => !e.is_local).every((e) => /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(e.item.external_ids!.isrc))).toBe(true);
  });

  it.each([
    ['/me/playlists?limit=51', 'Invalid limit'],
    ['/me/playlists?limit=0', 'Invalid limit'],
    ['/me/playlists?offset=-1', 'Invalid offset'],
    ['/me/playlists?limit=abc', 'Invalid limit'],
    ['/search?type=track&q=love&limit=11', 'Invalid limit'],
    ['/search?type=track&q=love&offset=1001', 'Invalid offset'],
    ['/search?type=track', 'No search query'],
    ['/search?q=love', 'Missing parameter type'],
    ['/search?q=love&type=song', 'Bad search type field'],
    ['/tracks/not-an-id', 'Invalid base62 id'],
    ['/albums/%F0%9F%8E%B5', 'Invalid base62 id'],
  ])('when %s is asked, then 400 says %s', async (path, message) => {
    expect(await spotifyGet(sandbox, path, user)).toMatchObject({ status: 400, body: { error: { status: 400, message } } });
  });

  it('when items are asked 101 at a time, then 400; 100 is the most', async () => {
    const id = (await myPlaylists()).find((p) => p.items.total === 300)!.id;
    expect((await spotifyGet(sandbox, `/playlists/${id}/items?limit=101`, user)).status).toBe(400);
    expect(((await spotifyGet(sandbox, `/playlists/${id}/items?limit=100`, user)).body as Page<Entry>).items).toHaveLength(100);
  });

  it('when development mode is on, then items of a playlist the user neither owns nor collaborates on answer 403, and the collaborative one answers', async () => {
    const playlists = await myPlaylists();
    const followed = playlists.find((p) => p.owner.id === 'someone-else' && !p.collaborative)!;
    const collaborative = playlists.find((p) => p.collaborative)!;
    expect(await spotifyGet(sandbox, `/playlists/${followed.id}/items`, user)).toMatchObject({ status: 403, body: { error: { status: 403 } } });
    expect((await spotifyGet(sandbox, `/playlists/${collaborative.id}/items`, user)).status).toBe(200);
    expect((await spotifyGet(sandbox, `/playlists/${followed.id}/items`, other)).status).toBe(200);
    expect((await spotifyGet(sandbox, `/playlists/${followed.id}/items`, app)).status).toBe(403);
    const meta = (await spotifyGet(sandbox, `/playlists/${followed.id}`, user)).body as Record<string, unknown>;
    expect(meta).toMatchObject({ id: followed.id, name: followed.name });
    expect(meta).not.toHaveProperty('items');
    sandbox.knobs.set({ service: 'spotify', devMode403: false });
    expect(((await spotifyGet(sandbox, `/playlists/${followed.id}/items?limit=5`, user)).body as Page<Entry>).items).toHaveLength(5);
  });

  it('when a private playlist of someone else or an unknown one is asked, then 404', async () => {
    const privateOne = (await myPlaylists(other)).find((p) => p.collaborative)!;
    const stranger = (await signInSpotify(sandbox, 'someone-else')).access_token;
    expect((await spotifyGet(sandbox, `/playlists/${privateOne.id}`, stranger)).status).toBe(200);
    expect((await spotifyGet(sandbox, `/playlists/${privateOne.id}`, app)).status).toBe(404);
    expect((await spotifyGet(sandbox, '/playlists/0000000000000000000000/items', user)).status).toBe(404);
  });

  it('when tracks are added, then at most 100 a call, only to own playlists, only real track uris, and the order is kept', async () => {
    const created = (await spotifySend(sandbox, 'POST', '/me/playlists', user, { name: '日本語 🎵 playlist', public: false })).body as {
      id: string;
      owner: { id: string };
      public: boolean;
    };
    expect(created).toMatchObject({ owner: { id: 'demo-listener' }, public: false });
    const uris = sandbox.catalog.spotify.tracks.slice(0, 101).map((t) => `spotify:track:${t.id}`);
    const tooMany = await spotifySend(sandbox, 'POST', `/playlists/${created.id}/items`, user, { uris });
    expect(tooMany).toEqual({ status: 400, body: { error: { status: 400, message: 'You can add a maximum of 100 tracks per request.' } } });
    expect((await spotifySend(sandbox, 'POST', `/playlists/${created.id}/items`, user, { uris: uris.slice(0, 100) })).status).toBe(201);
    expect((await spotifySend(sandbox, 'POST', `/playlists/${created.id}/items`, user, { uris: uris.slice(100) })).status).toBe(201);
    expect((await spotifySend(sandbox, 'POST', `/playlists/${created.id}/items`, user, { uris: ['spotify:local:a:b:c:1'] })).status).toBe(400);
    expect((await spotifySend(sandbox, 'POST', `/playlists/${created.id}/items`, user, { uris: ['spotify:track:0000000000000000000000'] })).body).toEqual({
      error: { status: 400, message: 'Payload contains a non-existing ID' },
    });
    expect((await spotifySend(sandbox, 'POST', `/playlists/${created.id}/items`, user, { uris: [] })).status).toBe(400);
    expect((await spotifySend(sandbox, 'POST', `/playlists/${created.id}/items`, user, { uris: 'spotify:track:x' })).status).toBe(400);
    expect((await spotifySend(sandbox, 'POST', `/playlists/${created.id}/items`, other, { uris: uris.slice(0, 1) })).status).toBe(404);
    const page = (await spotifyGet(sandbox, `/playlists/${created.id}/items`, user)).body as Page<{ item: { uri: string } }>;
    expect(page.total).toBe(101);
    expect(page.items.map((e) => e.item.uri)).toEqual(uris.slice(0, 100));
  });

  it('when a playlist is created without a name, with a wrong type, as unreadable JSON, or without the scope, then it is refused', async () => {
    expect((await spotifySend(sandbox, 'POST', '/me/playlists', user, {})).body).toEqual({ error: { status: 400, message: 'Missing required field: name' } });
    expect((await spotifySend(sandbox, 'POST', '/me/playlists', user, { name: 42 })).status).toBe(400);
    expect((await spotifySend(sandbox, 'POST', '/me/playlists', user, { name: 'x', public: 'yes' })).status).toBe(400);
    const broken = await fetch(`${sandbox.url}/spotify/v1/me/playlists`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user}`, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(await broken.json()).toEqual({ error: { status: 400, message: 'Error parsing JSON.' } });
    const readOnly = (await signInSpotify(sandbox, 'demo-listener', ['playlist-read-private'])).access_token;
    expect((await spotifySend(sandbox, 'POST', '/me/playlists', readOnly, { name: 'x' })).body).toEqual({
      error: { status: 403, message: 'Insufficient client scope' },
    });
    expect((await spotifySend(sandbox, 'POST', '/me/playlists', app, { name: 'x' })).status).toBe(401);
  });

  it('when a body is larger than the service takes, then 413 in Spotify’s error shape', async () => {
    const created = (await spotifySend(sandbox, 'POST', '/me/playlists', user, { name: 'big body' })).body as { id: string };
    const res = await spotifySend(sandbox, 'POST', `/playlists/${created.id}/items`, user, { uris: ['x'.repeat(300_000)] });
    expect(res).toEqual({ status: 413, body: { error: { status: 413, message: 'Request entity too large' } } });
  });

  it('when a track is searched by isrc:, by words with accents dropped, or by artist: and track:, then it is found; the limit holds', async () => {
    const track = sandbox.catalog.spotify.tracks.find((t) => /[À-ž]/.test(t.name))!;
    const byIsrc = (await spotifyGet(sandbox, `/search?type=track&q=isrc:${track.isrc}`, app)).body as { tracks: Page<{ id: string }> };
    expect(byIsrc.tracks.items.map((t) => t.id)).toContain(track.id);
    const plain = track.name.normalize('NFKD').replace(/\p{M}/gu, '');
    const byWords = (
      await spotifyGet(sandbox, `/search?type=track&limit=10&q=${encodeURIComponent(`track:"${plain}" artist:"${track.artists[0]!.name}"`)}`, app)
    ).body as {
      tracks: Page<{ id: string }>;
    };
    expect(byWords.tracks.items.map((t) => t.id)).toContain(track.id);
    const broad = (await spotifyGet(sandbox, '/search?type=track,album&q=a&limit=10', app)).body as { tracks: Page<unknown>; albums: Page<unknown> };
    expect(broad.tracks.items).toHaveLength(10);
    expect(broad.albums.items.length).toBeLessThanOrEqual(10);
  });

  it('when an album is read, then its tracks come with it (paged) and the UPC is in external_ids', async () => {
    const album = sandbox.catalog.spotify.albums.find((a) => a.trackIds.length > 3)!;
    const body = (await spotifyGet(sandbox, `/albums/${album.id}`, app)).body as { tracks: Page<{ id: string }>; external_ids: { upc: string } };
    expect(body.external_ids.upc).toBe(album.upc);
    expect(body.tracks.items.map((t) => t.id)).toEqual(album.trackIds);
    const page = (await spotifyGet(sandbox, `/albums/${album.id}/tracks?limit=2&offset=2`, app)).body as Page<{ id: string }>;
    expect(page.items.map((t) => t.id)).toEqual(album.trackIds.slice(2, 4));
  });

  it('when the token is missing, unknown or not Bearer, then the API says so the way Spotify does', async () => {
    const none = await fetch(`${sandbox.url}/spotify/v1/me`);
    expect(await none.json()).toEqual({ error: { status: 401, message: 'No token provided' } });
    expect((await spotifyGet(sandbox, '/me', 'sbxat-forged')).body).toEqual({ error: { status: 401, message: 'Invalid access token' } });
    const basic = await fetch(`${sandbox.url}/spotify/v1/me`, { headers: { authorization: 'Basic abc' } });
    expect(basic.status).toBe(400);
  });
});
