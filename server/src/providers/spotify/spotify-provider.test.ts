import { loadConfig } from '../../config/config';
import { type ProviderCredentials, ProviderError, type ProviderTrack } from '../music-provider.port';
import { streamPages } from '../page-stream';
import { ProviderCallCounter } from '../provider-call-counter';
import { resolveProviderSetup } from '../provider-config';
import { ProviderFactory } from '../provider-factory';
import { signInSpotify, startTestSandbox } from '../sandbox/sandbox-test-kit';
import { type ProviderSandbox } from '../sandbox/start-sandbox';
import { fakeClock } from '../testing/fake-clock';

let sandbox: ProviderSandbox;
let tokens: { access_token: string; refresh_token: string };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  tokens = await signInSpotify(sandbox);
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.knobs.reset();
  sandbox.resetCalls();
});

/** A Spotify connection of the demo listener through the real factory, with a clock that does not really wait. */
function connect(credentials: Partial<ProviderCredentials> = {}, tuning: { timeoutMs?: number; maxRateLimitWaitMs?: number } = {}) {
  const time = fakeClock();
  const factory = new ProviderFactory(resolveProviderSetup(loadConfig({}), sandbox), { clock: time.clock, requestsPerSecond: 1000, ...tuning });
  const counter = new ProviderCallCounter();
  const onTokens = jest.fn();
  const provider = factory.createProvider(
    'spotify',
    { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, ...credentials },
    { onTokens, counter },
  );
  return { provider, counter, onTokens, time, factory };
}

const sandboxCalls = (endpoint: string) => (sandbox.calls().spotify as Record<string, number> | undefined)?.[endpoint] ?? 0;

async function playlistId(name: string): Promise<string> {
  const page = await connect().provider.listPlaylists();
  return page.items.find((p) => p.name === name)!.id;
}

describe('Spotify adapter against the sandbox', () => {
  it('when asked who is connected, then it answers the demo listener', async () => {
    await expect(connect().provider.currentUser()).resolves.toEqual({
      id: 'demo-listener',
      displayName: 'Demo Listener',
      email: 'demo-listener@sandbox.invalid',
      country: 'US',
    });
  });

  it("when listing playlists, then owned and others' playlists come with sizes and owners", async () => {
    const page = await connect().provider.listPlaylists();
    expect(page.total).toBe(page.items.length);
    expect(page.next).toBeNull();
    const mix5 = page.items.find((p) => p.name === 'Demo mix 5')!;
    expect(mix5).toMatchObject({ ownerId: 'demo-listener', ownerName: 'Demo Listener', trackCount: 5, ownedByUser: true });
    expect(page.items.find((p) => p.ownerId === 'someone-else')).toMatchObject({ ownedByUser: false });
    await expect(connect().provider.listPlaylists('not-a-cursor')).rejects.toThrow(RangeError);
  });

  it('when reading a small playlist, then tracks carry ISRC, album, duration and availability, and local files are flagged', async () => {
    const { playlist, tracks } = await connect().provider.readPlaylist(await playlistId('Demo mix 5'));
    expect(playlist).toMatchObject({ name: 'Demo mix 5', trackCount: 5 });
    expect(tracks.items).toHaveLength(5);
    expect(tracks.next).toBeNull();
    const catalogTracks = tracks.items.filter((t) => !t.isLocal);
    for (const t of catalogTracks) {
      expect(t.id).toMatch(/^[A-Za-z0-9]{22}$/);
      expect(t.isrc).toMatch(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/);
      expect(t.durationMs).toBeGreaterThan(0);
      expect(t.album?.title).toBeTruthy();
    }
    const local = tracks.items.find((t) => t.isLocal)!;
    expect(local).toMatchObject({ isrc: null, available: false, album: { id: null } });
    expect(local.id).toMatch(/^spotify:local:/);
    expect(tracks.items.some((t) => !t.isLocal && !t.available)).toBe(true);
  });

  it('when streaming a 10,000-track playlist, then it comes 100 at a time and every track once', async () => {
    const { provider, counter } = connect();
    const id = await playlistId('Demo mix 10,000');
    let count = 0;
    let largestPage = 0;
    const ids = new Set<string>();
    for await (const items of streamPages((cursor) => provider.readPlaylist(id, cursor).then((r) => r.tracks))) {
      largestPage = Math.max(largestPage, items.length);
      count += items.length;
      for (const t of items) ids.add(t.id);
    }
    expect(count).toBe(10_000);
    expect(largestPage).toBe(100);
    expect(ids.size).toBeGreaterThan(1000);
    // The first page comes embedded in the playlist: 100 pages, 100 calls.
    expect(counter.count('GET /v1/playlists/{id}', 'ok')).toBe(1);
    expect(counter.count('GET /v1/playlists/{id}/items', 'ok')).toBe(99);
  });

  it("when reading items of a playlist someone else owns, then development mode's 403 says so; with the restriction off it reads", async () => {
    const id = await playlistId('Someone else’s favourites');
    const err = await connect()
      .provider.readPlaylist(id)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'forbidden_dev_mode', status: 403, endpoint: 'GET /v1/playlists/{id}/items' });
    expect((err as Error).message).toContain('Someone Else');

    sandbox.knobs.set({ service: 'spotify', devMode403: false });
    const { tracks } = await connect().provider.readPlaylist(id);
    expect(tracks.items.length).toBeGreaterThan(0);
  });

  it('when a playlist does not exist or the id is not one, then not_found (the bad id costs no call)', async () => {
    await expect(connect().provider.readPlaylist('0000000000000000000000')).rejects.toMatchObject({ kind: 'not_found', status: 404 });
    const before = sandboxCalls('GET /v1/playlists/{id}');
    for (const bad of ['', '../me', 'x'.repeat(500), 'ü', 'a b'])
      await expect(connect().provider.readPlaylist(bad)).rejects.toMatchObject({ kind: 'not_found' });
    expect(sandboxCalls('GET /v1/playlists/{id}')).toBe(before);
  });

  it('when searching, then at most 10 come back whatever is asked, and an empty query makes no call', async () => {
    const { provider } = connect();
    const tracks = await provider.searchTracks('love', 50);
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.length).toBeLessThanOrEqual(10);
    expect(tracks.every((t) => t.title && t.artists.length)).toBe(true);
    const albums = await provider.searchAlbums('the', 3);
    expect(albums.length).toBeLessThanOrEqual(3);
    expect(albums[0]).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9]{22}$/), artworkUrl: expect.stringContaining('/artwork/') });
    sandbox.resetCalls();
    expect(await provider.searchTracks('   ')).toEqual([]);
    expect(await provider.searchTracks('ünïcödé ✓ 日本語 "quoted" OR')).toEqual(expect.any(Array));
    expect(sandboxCalls('GET /v1/search')).toBe(1);
  });

  it('when reading an album, then its tracks carry ISRCs and the album its UPC; looking those ISRCs up finds the tracks', async () => {
    const { provider } = connect();
    const [hit] = await provider.searchAlbums('Stockholm');
    const album = await provider.readAlbum(hit!.id);
    expect(album.upc).toMatch(/^\d{12,14}$/);
    expect(album.tracks.length).toBe(hit!.trackCount);
    expect(album.tracks.every((t) => t.isrc && t.album?.upc === album.upc)).toBe(true);

    const isrcs = album.tracks.slice(0, 3).map((t) => t.isrc!);
    const found = await provider.tracksByIsrc([...isrcs, isrcs[0]!.toLowerCase(), 'NOT-AN-ISRC']);
    expect([...found.keys()].sort()).toEqual([...isrcs, 'NOT-AN-ISRC'].sort());
    for (const isrc of isrcs) expect(found.get(isrc)!.map((t) => t.isrc)).toContain(isrc);
    expect(found.get('NOT-AN-ISRC')).toEqual([]);
    await expect(provider.readAlbum('0000000000000000000000')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('when creating a playlist and appending 250 tracks, then they go in three calls and read back in order', async () => {
    const { provider, counter } = connect();
    const source = await playlistId('Demo mix 300');
    const wanted: ProviderTrack[] = [];
    for await (const items of streamPages((c) => provider.readPlaylist(source, c).then((r) => r.tracks))) wanted.push(...items.filter((t) => !t.isLocal));
    wanted.splice(250);
    expect(wanted).toHaveLength(250);
    const created = await provider.createPlaylist('Muse ✓ «export»', 'From Muse');
    expect(created).toMatchObject({ name: 'Muse ✓ «export»', ownerId: 'demo-listener', ownedByUser: true, trackCount: 0 });
    await provider.appendTracks(
      created.id,
      wanted.map((t) => t.id),
    );
    expect(counter.count('POST /v1/playlists/{id}/items', 'ok')).toBe(3);
    const back: ProviderTrack[] = [];
    for await (const items of streamPages((c) => provider.readPlaylist(created.id, c).then((r) => r.tracks))) back.push(...items);
    expect(back.map((t) => t.id)).toEqual(wanted.map((t) => t.id));
    await expect(provider.appendTracks(created.id, ['not a track id'])).rejects.toThrow(RangeError);
  });

  it('when an explicit track and a clean one are read, then only the explicit one is explicit, in playlists, ISRC lookups and albums', async () => {
    const { provider } = connect();
    const { albums, trackById } = sandbox.catalog.spotify;
    // An album of the sandbox with both kinds of track, so its read covers both too.
    const album = albums.find((a) => a.trackIds.some((id) => trackById.get(id)!.explicit) && a.trackIds.some((id) => !trackById.get(id)!.explicit))!;
    const explicit = album.trackIds.map((id) => trackById.get(id)!).find((t) => t.explicit)!;
    const clean = album.trackIds.map((id) => trackById.get(id)!).find((t) => !t.explicit)!;

    const created = await provider.createPlaylist('Clean and explicit');
    await provider.appendTracks(created.id, [explicit.id, clean.id]);
    const { tracks } = await provider.readPlaylist(created.id);
    expect(tracks.items.map((t) => [t.id, t.explicit])).toEqual([
      [explicit.id, true],
      [clean.id, false],
    ]);

    const found = await provider.tracksByIsrc([explicit.isrc, clean.isrc]);
    expect(found.get(explicit.isrc)!.find((t) => t.id === explicit.id)).toMatchObject({ explicit: true });
    expect(found.get(clean.isrc)!.find((t) => t.id === clean.id)).toMatchObject({ explicit: false });

    const read = await provider.readAlbum(album.id);
    expect(read.tracks.map((t) => t.explicit)).toEqual(album.trackIds.map((id) => trackById.get(id)!.explicit));
  });

  it('when asking for a preview, then null comes back (Spotify no longer gives them)', async () => {
    const [t] = await connect().provider.searchTracks('love', 1);
    await expect(connect().provider.previewUrl(t!.id)).resolves.toBeNull();
  });

  it('when there is no user, then app-level calls use one cached client-credentials token', async () => {
    const { factory } = connect();
    const app = factory.appProvider('spotify');
    expect((await app.searchTracks('love')).length).toBeGreaterThan(0);
    expect((await app.searchAlbums('the')).length).toBeGreaterThan(0);
    expect(sandboxCalls('POST /api/token')).toBe(1);
  });
});

describe('Spotify adapter under faults', () => {
  it('when every third call is throttled, then calls wait Retry-After and all succeed', async () => {
    sandbox.knobs.set({ service: 'spotify', throttle: { everyN: 3, retryAfterSeconds: 4 } });
    const { provider, counter, time } = connect();
    const id = await playlistId('Demo mix 2,000');
    sandbox.knobs.set({ service: 'spotify', throttle: { everyN: 3, retryAfterSeconds: 4 } });
    let count = 0;
    for await (const items of streamPages((c) => provider.readPlaylist(id, c).then((r) => r.tracks))) count += items.length;
    expect(count).toBe(2000);
    expect(counter.total('rate_limited')).toBeGreaterThan(0);
    expect(time.sleeps.filter((ms) => ms === 4000).length).toBe(counter.total('rate_limited'));
  });

  it('when the service throttles forever, then the call gives up after the bounded wait with rate_limited', async () => {
    sandbox.knobs.set({ service: 'spotify', throttle: { always: true, retryAfterSeconds: 20 } });
    const { provider, time } = connect({}, { maxRateLimitWaitMs: 60_000 });
    await expect(provider.searchTracks('love')).rejects.toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 20, endpoint: 'GET /v1/search' });
    expect(time.waited()).toBe(60_000);
  });

  it.each([
    ['status', 503],
    ['truncated', 500],
    ['timeout', 502],
  ] as const)('when the service fails twice (%s), then the call backs off and succeeds', async (mode, status) => {
    // Long enough that a busy machine's slow answer is not taken for the sandbox's hang.
    const { provider, counter } = connect({}, { timeoutMs: 2_000 });
    await provider.currentUser();
    sandbox.knobs.set({ service: 'spotify', fail: { status, times: 2, mode } });
    expect((await provider.searchTracks('love')).length).toBeGreaterThan(0);
    const outcomes = counter.snapshot()['GET /v1/search']!;
    expect(outcomes.ok).toBe(1);
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('when the service keeps failing, then the call ends unavailable after its attempts', async () => {
    sandbox.knobs.set({ service: 'spotify', fail: { status: 500, times: 100 } });
    const { provider, counter } = connect();
    await expect(provider.searchTracks('love')).rejects.toMatchObject({ kind: 'unavailable', status: 500 });
    expect(counter.count('GET /v1/search', 'error_5xx')).toBe(4);
  });

  it('when the access token has expired, then the connection refreshes once, retries, and hands over the new tokens', async () => {
    const { provider, onTokens } = connect({ accessToken: 'sbxat-expired-long-ago' });
    await expect(provider.currentUser()).resolves.toMatchObject({ id: 'demo-listener' });
    expect(onTokens).toHaveBeenCalledTimes(1);
    const refreshed = onTokens.mock.calls[0]![0] as ProviderCredentials;
    expect(refreshed.accessToken).not.toBe('sbxat-expired-long-ago');
    expect(refreshed.refreshToken).toBeTruthy();
    expect(refreshed.expiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('when tokens keep expiring, then the call ends unauthorized after one retry', async () => {
    sandbox.knobs.set({ service: 'spotify', expireTokens: true });
    const { provider, onTokens } = connect();
    await expect(provider.searchTracks('love')).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
    // The refresh after the 401 hands out a token already expired, so the retry refreshes it once more first.
    expect(onTokens).toHaveBeenCalledTimes(2);
    expect(sandboxCalls('GET /v1/search')).toBe(2);
  });

  it('when the grant was revoked, then the refresh fails and the call ends unauthorized', async () => {
    const own = await signInSpotify(sandbox);
    sandbox.revoke('spotify', 'demo-listener');
    const { provider, onTokens } = connect({ accessToken: 'sbxat-stale', refreshToken: own.refresh_token });
    await expect(provider.currentUser()).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(onTokens).not.toHaveBeenCalled();
    tokens = await signInSpotify(sandbox);
  });
});

describe('Spotify connection tokens', () => {
  it('when the stored token is about to expire, then it is refreshed before the call, once for many calls at once', async () => {
    const { provider, onTokens, counter } = connect({ accessToken: 'sbxat-nearly-expired', expiresAt: new Date(Date.now() + 30_000) });
    const users = await Promise.all([provider.currentUser(), provider.searchTracks('love'), provider.searchAlbums('love')]);
    expect(users[0]).toMatchObject({ id: 'demo-listener' });
    expect(onTokens).toHaveBeenCalledTimes(1);
    expect(counter.total('error_4xx')).toBe(0);
  });
});
