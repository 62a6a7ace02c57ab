import { loadConfig } from '../../config/config';
import { ProviderError, type ProviderTrack } from '../music-provider.port';
import { streamPages } from '../page-stream';
import { ProviderCallCounter } from '../provider-call-counter';
import { resolveProviderSetup } from '../provider-config';
import { ProviderFactory } from '../provider-factory';
import { signInApple, startTestSandbox } from '../sandbox/sandbox-test-kit';
import { type ProviderSandbox } from '../sandbox/start-sandbox';
import { fakeClock } from '../testing/fake-clock';

let sandbox: ProviderSandbox;
let musicUserToken: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  musicUserToken = await signInApple(sandbox);
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.knobs.reset();
  sandbox.resetCalls();
});

/** An Apple Music connection of the demo listener through the real factory, with a clock that does not really wait. */
function connect(opts: { token?: string; storefront?: string | null; timeoutMs?: number; maxRateLimitWaitMs?: number } = {}) {
  const time = fakeClock();
  const factory = new ProviderFactory(resolveProviderSetup(loadConfig({}), sandbox), {
    clock: time.clock,
    requestsPerSecond: 1000,
    timeoutMs: opts.timeoutMs,
    maxRateLimitWaitMs: opts.maxRateLimitWaitMs,
  });
  const counter = new ProviderCallCounter();
  const token = opts.token ?? musicUserToken;
  const provider = factory.createProvider('apple', { accessToken: token, musicUserToken: token, storefront: opts.storefront }, { counter });
  return { provider, counter, time, factory };
}

const sandboxCalls = (endpoint: string) => (sandbox.calls().apple as Record<string, number> | undefined)?.[endpoint] ?? 0;

describe('Apple Music adapter against the sandbox', () => {
  it("when asked who is connected, then the listener's storefront answers (Apple shows no account id)", async () => {
    await expect(connect().provider.currentUser()).resolves.toEqual({ id: 'me', displayName: null, email: null, country: 'US' });
    expect(sandboxCalls('GET /v1/me/storefront')).toBe(1);
  });

  it('when listing and reading library playlists, then songs carry catalog ids and ISRCs, and uploads are unavailable', async () => {
    const { provider } = connect({ storefront: 'us' });
    const page = await provider.listPlaylists();
    expect(page.items.length).toBeGreaterThan(0);
    const mix = page.items.find((p) => p.name === 'Library mix 50')!;
    expect(mix).toMatchObject({ id: expect.stringMatching(/^p\./), ownerId: 'me', ownedByUser: true });
    const { playlist, tracks } = await provider.readPlaylist(mix.id);
    expect(playlist.trackCount).toBe(50);
    expect(tracks.total).toBe(50);
    expect(tracks.items).toHaveLength(50);
    const catalog = tracks.items.filter((t) => t.available);
    expect(catalog.length).toBeGreaterThan(40);
    for (const t of catalog) expect(t).toMatchObject({ id: expect.stringMatching(/^\d+$/), isrc: expect.stringMatching(/^[A-Z0-9]{12}$/) });
    expect(tracks.items.filter((t) => !t.available).every((t) => t.isrc === null)).toBe(true);
  });

  it('when a large library playlist is streamed, then pages of 100 come until the end, and the playlist itself is read once', async () => {
    const { provider, counter } = connect({ storefront: 'us' });
    const page = await provider.listPlaylists();
    const big = page.items.find((p) => p.name === 'Library mix 2,000')!;
    let count = 0;
    const names = new Set<string>();
    for await (const items of streamPages((c) =>
      provider.readPlaylist(big.id, c).then((r) => {
        names.add(r.playlist.name);
        return r.tracks;
      }),
    )) {
      expect(items.length).toBeLessThanOrEqual(100);
      count += items.length;
    }
    expect(count).toBe(2000);
    expect([...names]).toEqual(['Library mix 2,000']);
    expect(counter.count('GET /v1/me/library/playlists/{id}/tracks', 'ok')).toBe(20);
    // What the service received: one head call for the whole read, beside the 20 pages.
    expect(sandboxCalls('GET /v1/me/library/playlists/{id}')).toBe(1);
    expect(sandboxCalls('GET /v1/me/library/playlists/{id}/tracks')).toBe(20);

    // A new read starts afresh: its first page asks for the playlist again.
    await provider.readPlaylist(big.id);
    expect(sandboxCalls('GET /v1/me/library/playlists/{id}')).toBe(2);
  });

  it('when a clean/explicit pair is read, then the explicit song is explicit and its clean version is not, in lookups, albums and library playlists', async () => {
    const { provider } = connect({ storefront: 'us' });
    const { songs, songById, albums } = sandbox.catalog.apple;
    // The sandbox's clean albums hold, for each explicit song of an album, its clean version at the same place.
    const clean = songs.find((s) => s.contentRating === 'clean' && s.storefronts.includes('us'))!;
    const explicit = songs.find(
      (s) =>
        s.contentRating === 'explicit' &&
        s.albumName === clean.albumName &&
        s.albumId !== clean.albumId &&
        s.name === clean.name &&
        s.discNumber === clean.discNumber &&
        s.trackNumber === clean.trackNumber,
    )!;
    expect(explicit.storefronts).toContain('us');
    const cleanAlbum = albums.find((a) => a.id === clean.albumId)!;
    const explicitAlbum = albums.find((a) => a.id === explicit.albumId)!;
    expect([cleanAlbum.contentRating, explicitAlbum.contentRating]).toEqual(['clean', null]);

    const found = await provider.tracksByIsrc([explicit.isrc, clean.isrc]);
    expect(found.get(explicit.isrc)!.find((t) => t.id === explicit.id)).toMatchObject({ explicit: true });
    expect(found.get(clean.isrc)!.find((t) => t.id === clean.id)).toMatchObject({ explicit: false });
    for (const t of [...found.values()].flat()) expect(t.explicit).toBe(songById.get(t.id)!.contentRating === 'explicit');

    const [cleanTracks, explicitTracks] = await Promise.all([provider.readAlbum(cleanAlbum.id), provider.readAlbum(explicitAlbum.id)]);
    expect(cleanTracks.tracks.find((t) => t.id === clean.id)).toMatchObject({ explicit: false });
    expect(explicitTracks.tracks.find((t) => t.id === explicit.id)).toMatchObject({ explicit: true });

    // A library playlist's songs are described by their catalog songs (`include=catalog`).
    const created = await provider.createPlaylist('Clean and explicit');
    await provider.appendTracks(created.id, [explicit.id, clean.id]);
    const { tracks } = await provider.readPlaylist(created.id);
    expect(tracks.items.map((t) => [t.id, t.explicit])).toEqual([
      [explicit.id, true],
      [clean.id, false],
    ]);
  });

  it('when looking ISRCs up, then batches of 25 are asked and every song per ISRC is kept', async () => {
    const { provider, counter } = connect({ storefront: 'us' });
    const multi = [...sandbox.catalog.apple.songsByIsrc].filter(([, songs]) => songs.filter((s) => s.storefronts.includes('us')).length > 1);
    expect(multi.length).toBeGreaterThan(0);
    const isrcs = [...sandbox.catalog.apple.songsByIsrc.keys()].slice(0, 29);
    isrcs.push(multi[0]![0]);
    const found = await provider.tracksByIsrc([...isrcs, 'bad', '']);
    expect(counter.count('GET /v1/catalog/{sf}/songs?filter[isrc]', 'ok')).toBe(2);
    expect(found.get(multi[0]![0])!.length).toBeGreaterThan(1);
    expect(new Set(found.get(multi[0]![0])!.map((t) => t.id)).size).toBe(found.get(multi[0]![0])!.length);
    expect(found.get('BAD')).toEqual([]);
    for (const [isrc, tracks] of found) for (const t of tracks) expect(t.isrc).toBe(isrc);
  });

  it('when searching and reading an album, then the album has its UPC, tracks with ISRCs, artwork from the template and previews', async () => {
    const { provider } = connect({ storefront: 'us' });
    const songs = await provider.searchTracks('love', 5);
    expect(songs.length).toBeGreaterThan(0);
    expect(songs.length).toBeLessThanOrEqual(5);
    const [hit] = await provider.searchAlbums('Stockholm');
    expect(hit!.artworkUrl).toMatch(/\/1000x1000\./);
    const album = await provider.readAlbum(hit!.id);
    expect(album.upc).toMatch(/^\d{12,14}$/);
    expect(album.tracks.length).toBe(hit!.trackCount);
    expect(album.tracks.every((t) => t.isrc && t.album?.id === album.id)).toBe(true);
    expect(await provider.previewUrl(album.tracks[0]!.id)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/apple\/previews\/\d+\.m4a$/);
    expect(await provider.searchAlbums('  ')).toEqual([]);
    await expect(provider.readAlbum('999999999999')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(provider.readAlbum('../../me')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('when creating a library playlist and appending 150 songs, then two appends and the songs read back in order', async () => {
    const { provider, counter } = connect({ storefront: 'us' });
    const songs = [...sandbox.catalog.apple.songs].filter((s) => s.storefronts.includes('us')).slice(0, 150);
    const created = await provider.createPlaylist('Converted ✓ 日本', 'From Muse');
    expect(created).toMatchObject({ name: 'Converted ✓ 日本', ownedByUser: true, trackCount: 0 });
    await provider.appendTracks(
      created.id,
      songs.map((s) => s.id),
    );
    expect(counter.count('POST /v1/me/library/playlists/{id}/tracks', 'ok')).toBe(2);
    const back: ProviderTrack[] = [];
    for await (const items of streamPages((c) => provider.readPlaylist(created.id, c).then((r) => r.tracks))) back.push(...items);
    expect(back.map((t) => t.id)).toEqual(songs.map((s) => s.id));
    await expect(provider.appendTracks(created.id, ['a/b'])).rejects.toThrow(RangeError);
  });

  it('when there is no user, then the app-level provider searches the catalog with the developer token alone', async () => {
    const app = connect().factory.appProvider('apple');
    expect((await app.searchTracks('love')).length).toBeGreaterThan(0);
    await expect(app.listPlaylists()).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});

describe('Apple Music adapter under faults', () => {
  it('when throttled now and then, then calls wait Retry-After and succeed; when throttled forever, then rate_limited after the bounded wait', async () => {
    sandbox.knobs.set({ service: 'apple', throttle: { everyN: 2, retryAfterSeconds: 3 } });
    const { provider, counter } = connect({ storefront: 'us' });
    for (let i = 0; i < 4; i++) expect((await provider.searchTracks(`love ${i}`)).length).toBeGreaterThanOrEqual(0);
    expect(counter.total('rate_limited')).toBeGreaterThan(0);

    sandbox.knobs.set({ service: 'apple', throttle: { always: true, retryAfterSeconds: 10 } });
    const slow = connect({ storefront: 'us', maxRateLimitWaitMs: 30_000 });
    await expect(slow.provider.searchTracks('love')).rejects.toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 10 });
    expect(slow.time.waited()).toBe(30_000);
  });

  it.each([
    ['status', 503],
    ['truncated', 500],
    ['timeout', 502],
  ] as const)('when the service fails twice (%s), then the call backs off and succeeds', async (mode, status) => {
    // Long enough that a busy machine's slow answer is not taken for the sandbox's hang.
    const { provider, counter } = connect({ storefront: 'us', timeoutMs: 2_000 });
    sandbox.knobs.set({ service: 'apple', fail: { status, times: 2, mode } });
    await provider.listPlaylists();
    const outcomes = counter.snapshot()['GET /v1/me/library/playlists']!;
    expect(outcomes.ok).toBe(1);
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('when the developer token is refused, then a new one is signed once and the call ends unauthorized', async () => {
    sandbox.knobs.set({ service: 'apple', expireTokens: true });
    const { provider } = connect({ storefront: 'us' });
    const err = await provider.searchTracks('love').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(sandboxCalls('GET /v1/catalog/{storefront}/search')).toBe(2);
  });

  it('when the Music-User-Token is revoked or made up, then library calls end unauthorized', async () => {
    await expect(connect({ token: 'made-up-token', storefront: 'us' }).provider.listPlaylists()).rejects.toMatchObject({ kind: 'unauthorized', status: 403 });
    const own = await signInApple(sandbox, 'someone-else');
    sandbox.revoke('apple', 'someone-else');
    await expect(connect({ token: own, storefront: 'us' }).provider.listPlaylists()).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});
