import { SpotifyOpenApiValidator } from './spotify-openapi-validator';
import { clientCredentialsToken, signInSpotify, spotifyGet, spotifySend, startTestSandbox } from './sandbox-test-kit';
import type { ProviderSandbox } from './start-sandbox';

/**
 * Every Spotify answer the sandbox gives, checked against Spotify's OpenAPI document. Local
 * files are the one documented exception: the real API sends them with `id: null` and an album
 * without `album_type`, which the document's TrackObject does not allow, so they are checked
 * against the shape Spotify really sends (LOCAL_ENTRY below) and the rest of the page against
 * the document.
 */
const validator = new SpotifyOpenApiValidator();
let sandbox: ProviderSandbox;
let user: string;
let other: string;
let app: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  user = (await signInSpotify(sandbox)).access_token;
  other = (await signInSpotify(sandbox, 'someone-else')).access_token;
  app = await clientCredentialsToken(sandbox);
});
afterAll(() => sandbox.stop());

/** Fields Spotify really sends that its document leaves out. */
const KNOWN_UNDOCUMENTED = /\/primary_color$/;

function expectValid(method: string, template: string, res: { status: number; body: unknown }): void {
  expect(validator.errors(method, template, res.status, res.body)).toEqual([]);
  expect(validator.undocumented(method, template, res.status, res.body).filter((p) => !KNOWN_UNDOCUMENTED.test(p))).toEqual([]);
}

interface Entry {
  is_local: boolean;
  item: Record<string, unknown>;
  track: Record<string, unknown>;
}
interface Page<T> {
  items: T[];
  next: string | null;
  total: number;
  limit: number;
  offset: number;
}

/** A page of playlist entries: non-local entries against the document, local ones against what Spotify sends. */
function expectValidEntries(res: { status: number; body: unknown }): void {
  const page = res.body as Page<Entry>;
  const local = page.items.filter((e) => e.is_local);
  expectValid('GET', '/playlists/{playlist_id}/items', { status: res.status, body: { ...page, items: page.items.filter((e) => !e.is_local) } });
  for (const entry of local) {
    expect(entry.item).toMatchObject({ id: null, href: null, is_local: true, type: 'track', uri: expect.stringMatching(/^spotify:local:/) });
    expect(entry.track).toEqual(entry.item);
    // Everything but the nullable ids still matches the document's TrackObject.
    const { id: _id, href: _href, album: _album, artists: _artists, external_ids: _ids, ...rest } = entry.item;
    expect(validator.errors('GET', '/tracks/{id}', 200, rest)).toEqual([]);
  }
}

async function demoPlaylist(size: number): Promise<string> {
  const page = (await spotifyGet(sandbox, '/me/playlists?limit=50', user)).body as Page<{ id: string; items: { total: number }; owner: { id: string } }>;
  return page.items.find((p) => p.owner.id === 'demo-listener' && p.items.total === size)!.id;
}

describe('the sandbox against the Spotify OpenAPI document', () => {
  it('when the user reads /me with and without the email scope, then both answers match PrivateUserObject', async () => {
    expectValid('GET', '/me', await spotifyGet(sandbox, '/me', user));
    const noEmail = (await signInSpotify(sandbox, 'demo-listener', ['playlist-read-private'])).access_token;
    const res = await spotifyGet(sandbox, '/me', noEmail);
    expectValid('GET', '/me', res);
    expect(res.body).not.toHaveProperty('email');
  });

  it('when the user pages through /me/playlists, then every page matches PagingPlaylistObject', async () => {
    let url: string | null = `${sandbox.url}/spotify/v1/me/playlists?limit=3`;
    let pages = 0;
    while (url) {
      const res = await spotifyGet(sandbox, url, user);
      expectValid('GET', '/me/playlists', res);
      url = (res.body as Page<unknown>).next;
      pages += 1;
    }
    expect(pages).toBeGreaterThan(2);
  });

  it('when a playlist is read whole, and when development mode hides its entries, then both match PlaylistObject', async () => {
    const own = await spotifyGet(sandbox, `/playlists/${await demoPlaylist(300)}`, user);
    const ownBody = own.body as { items: Page<Entry> };
    expectValid('GET', '/playlists/{playlist_id}', { status: 200, body: { ...ownBody, items: undefined, tracks: undefined } });
    expectValidEntries({ status: 200, body: ownBody.items });
    const followed = (await spotifyGet(sandbox, '/me/playlists?limit=50', user)).body as Page<{ id: string; owner: { id: string } }>;
    const foreign = await spotifyGet(sandbox, `/playlists/${followed.items.find((p) => p.owner.id === 'someone-else')!.id}`, user);
    expectValid('GET', '/playlists/{playlist_id}', foreign);
  });

  it('when every page of the 2,000-track playlist is read, then each matches PagingPlaylistTrackObject and local files keep their real shape', async () => {
    let url: string | null = `${sandbox.url}/spotify/v1/playlists/${await demoPlaylist(2000)}/items?market=from_token`;
    let seen = 0;
    let locals = 0;
    while (url) {
      const res = await spotifyGet(sandbox, url, user);
      expectValidEntries(res);
      const page = res.body as Page<Entry>;
      seen += page.items.length;
      locals += page.items.filter((e) => e.is_local).length;
      url = page.next;
    }
    expect(seen).toBe(2000);
    expect(locals).toBeGreaterThan(0);
  });

  it('when a playlist is created and tracks are added, then the 201 answers match OnePlaylist and PlaylistSnapshotId', async () => {
    const created = await spotifySend(sandbox, 'POST', '/me/playlists', user, {
      name: 'Converted from Muse',
      public: false,
      description: 'by the sandbox test',
    });
    expect(created.status).toBe(201);
    expectValid('POST', '/me/playlists', created);
    const trackUris = sandbox.catalog.spotify.tracks.slice(0, 3).map((t) => `spotify:track:${t.id}`);
    const added = await spotifySend(sandbox, 'POST', `/playlists/${(created.body as { id: string }).id}/items`, user, { uris: trackUris });
    expect(added.status).toBe(201);
    expectValid('POST', '/playlists/{playlist_id}/items', added);
    const items = await spotifyGet(sandbox, `/playlists/${(created.body as { id: string }).id}/items`, user);
    expectValidEntries(items);
    expect((items.body as Page<Entry>).items.map((e) => e.item.uri)).toEqual(trackUris);
  });

  it('when tracks and albums are searched (words, isrc:, upc:, second page), then each answer matches SearchItems', async () => {
    const track = sandbox.catalog.spotify.tracks[10]!;
    const album = sandbox.catalog.spotify.albums[10]!;
    for (const q of [track.name, `isrc:${track.isrc}`, `upc:${album.upc}`, 'the', 'no such words anywhere']) {
      const res = await spotifyGet(sandbox, `/search?type=track,album&limit=10&q=${encodeURIComponent(q)}`, app);
      expect(res.status).toBe(200);
      expectValid('GET', '/search', res);
    }
    const first = (await spotifyGet(sandbox, '/search?type=track&limit=10&q=the', app)).body as { tracks: Page<unknown> };
    const second = await spotifyGet(sandbox, first.tracks.next!, app);
    expectValid('GET', '/search', second);
  });

  it('when a playable and an unplayable track, an album and a page of its tracks are read, then they match OneTrack, OneAlbum and PagingSimplifiedTrackObject', async () => {
    const playable = sandbox.catalog.spotify.tracks.find((t) => t.playable)!;
    const unplayable = sandbox.catalog.spotify.tracks.find((t) => !t.playable)!;
    for (const t of [playable, unplayable]) expectValid('GET', '/tracks/{id}', await spotifyGet(sandbox, `/tracks/${t.id}`, user));
    const long = sandbox.catalog.spotify.albums.reduce((a, b) => (b.trackIds.length > a.trackIds.length ? b : a));
    expectValid('GET', '/albums/{id}', await spotifyGet(sandbox, `/albums/${long.id}`, app));
    const page = await spotifyGet(sandbox, `/albums/${long.id}/tracks?limit=2&offset=1`, app);
    expectValid('GET', '/albums/{id}/tracks', page);
  });

  it('when calls fail (no token, expired token, development mode, throttled, bad limit, unknown id), then each error body matches the documented error', async () => {
    const checks: Array<[string, string, Promise<{ status: number; body: unknown }>, number]> = [
      ['GET', '/me', spotifyGet(sandbox, '/me', 'not-a-token'), 401],
      ['GET', '/playlists/{playlist_id}/items', spotifyGet(sandbox, `/playlists/${await demoPlaylist(50)}/items`, other), 403],
      ['GET', '/search', spotifyGet(sandbox, '/search?type=track&q=a&limit=11', app), 400],
      ['GET', '/tracks/{id}', spotifyGet(sandbox, '/tracks/0000000000000000000000', app), 404],
    ];
    for (const [method, template, pending, status] of checks) {
      const res = await pending;
      expect(res.status).toBe(status);
      expectValid(method, template, res);
    }
    sandbox.knobs.set({ service: 'spotify', throttle: { always: true, retryAfterSeconds: 2 } });
    const throttled = await spotifyGet(sandbox, '/me', user);
    expect(throttled.status).toBe(429);
    expectValid('GET', '/me', throttled);
    sandbox.knobs.set({ service: 'spotify', throttle: null, expireTokens: true });
    const expired = await spotifyGet(sandbox, '/me', user);
    expect(expired.status).toBe(401);
    expectValid('GET', '/me', expired);
    sandbox.knobs.reset();
  });

  it('when a body breaks the document (a string duration, a page without next, an error without status), then the validator names the problem', async () => {
    const track = (await spotifyGet(sandbox, `/tracks/${sandbox.catalog.spotify.tracks[0]!.id}`, app)).body as Record<string, unknown>;
    expect(validator.errors('GET', '/tracks/{id}', 200, { ...track, duration_ms: '3:15' }).join()).toMatch(/duration_ms/);
    const page = (await spotifyGet(sandbox, '/me/playlists', user)).body as Record<string, unknown>;
    const { next: _next, ...withoutNext } = page;
    expect(validator.errors('GET', '/me/playlists', 200, withoutNext).join()).toMatch(/next/);
    expect(validator.errors('GET', '/me', 401, { error: { message: 'x' } }).join()).toMatch(/status/);
    expect(validator.undocumented('GET', '/tracks/{id}', 200, { ...track, album: { ...(track.album as object), mood: 'sunny' } })).toEqual(['/album/mood']);
  });
});
