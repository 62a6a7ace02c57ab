import type { ExternalAlbumHit, ExternalSearchResults } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { ProviderFactory, type ProviderTuning } from '../../providers/provider-factory';
import type { SandboxCatalog } from '../../providers/sandbox/sandbox-catalog-types';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum, makeTrack, registerUser } from '../../testing/factories';
import { CatalogEnrichmentRepo } from './catalog-enrichment.repo';
import { CatalogEnrichmentService } from './catalog-enrichment.service';

const app = useTestApp({ sandbox: true });
const knex = () => app.container.knex;
const catalog = (): SandboxCatalog => app.sandbox!.catalog;

type Client = Awaited<ReturnType<typeof registerUser>>['client'];
let fan: Client;

beforeAll(async () => {
  ({ client: fan } = await registerUser(app));
});
afterEach(() => {
  app.sandbox!.knobs.reset();
});

const spotifyAlbum = (title: string) => catalog().spotify.albums.find((a) => a.name === title)!;
const appleAlbum = (title: string) => catalog().apple.albums.find((a) => a.name.replace(/ \(Deluxe Edition\)$/, '') === title && a.contentRating !== 'clean')!;

async function search(q: string, provider: 'spotify' | 'apple'): Promise<ExternalSearchResults> {
  const res = await fan.get('/api/catalog/external-search').query({ q, provider });
  expect(res.status).toBe(200);
  return res.body as ExternalSearchResults;
}

const add = (provider: string, id: string, client: Client = fan) => client.post('/api/catalog/external-albums', { provider, id });

async function albumRows(title: string) {
  return knex()('albums').where({ title }).select('id', 'upc', 'spotify_id', 'apple_id', 'cover_url');
}

async function trackRows(albumId: string) {
  return knex()('tracks').where({ album_id: albumId }).orderBy('position').select('isrc', 'spotify_id', 'apple_id');
}

/** The service's track ids by ISRC, for the tracks of one of its albums. */
const appleIdsByIsrc = (album: { songIds: string[] }) =>
  new Map(album.songIds.map((id) => catalog().apple.songById.get(id)!).map((s) => [s.isrc, s.id] as const));
const spotifyIdsByIsrc = (album: { trackIds: string[] }) =>
  new Map(album.trackIds.map((id) => catalog().spotify.trackById.get(id)!).map((t) => [t.isrc, t.id] as const));

/** Calls made to one service of the sandbox since its counts were last reset. */
const callsTo = (service: 'spotify' | 'apple') => Object.values(app.sandbox!.calls()[service]).reduce((sum, n) => sum + n, 0);

describe('catalog enrichment', () => {
  it("when an album Muse lacks is found on Spotify and added, then it is in the catalog once with its tracks, ISRCs, UPC and both services' ids, searchable, rateable, and marked in later results", async () => {
    const wanted = spotifyAlbum('Harbour Signals');
    const onApple = appleAlbum('Harbour Signals');
    const before = await search('Harbour Signals', 'spotify');
    const hit = before.albums.find((a) => a.id === wanted.id);
    expect(hit).toMatchObject({ provider: 'spotify', title: 'Harbour Signals', artists: ['Velvet Lighthouse'], inCatalog: null, coverUrl: null });

    // Muse's own search has not got it, and keeps that answer (for up to a minute) until the catalog changes.
    expect((await fan.get('/api/search').query({ q: 'harbour signals velvet' }).expect(200)).body.albums).toEqual([]);
    app.sandbox!.resetCalls();
    const added = await add('spotify', wanted.id);
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ albumId: expect.any(String), created: true });
    const albumId = added.body.albumId as string;
    // Finding it on Apple Music took a search and one album read.
    expect(callsTo('apple')).toBeLessThanOrEqual(3);

    const page = await fan.get(`/api/albums/${albumId}`).expect(200);
    expect(page.body.album).toMatchObject({
      title: 'Harbour Signals',
      artistCredit: 'Velvet Lighthouse',
      upc: wanted.upc,
      spotifyId: wanted.id,
      appleId: onApple.id,
      releaseYear: 2024,
    });
    expect(page.body.album.coverUrl).toBeNull();
    const isrcs = wanted.trackIds.map((id) => catalog().spotify.trackById.get(id)!.isrc);
    expect(page.body.tracks.map((t: { isrc: string }) => t.isrc)).toEqual(isrcs);
    const appleIds = appleIdsByIsrc(onApple);
    const tracks = await trackRows(albumId);
    expect(tracks.map((t) => t.apple_id)).toEqual(tracks.map((t) => appleIds.get(t.isrc) ?? null));
    expect(tracks.filter((t) => t.apple_id).length).toBeGreaterThan(0);
    expect((await albumRows('Harbour Signals'))[0]!.cover_url).toMatch(/\/artwork\/.+\.png$/);

    // Found at once, though the answer before was kept: adding the album marked the catalog changed.
    const muse = await fan.get('/api/search').query({ q: 'harbour signals velvet' }).expect(200);
    expect(muse.body.albums.map((a: { id: string }) => a.id)).toContain(albumId);
    await fan.send('put', `/api/albums/${albumId}/rating`, { rating: 4.5 }).then((r) => expect(r.status).toBe(200));

    const after = await search('Harbour Signals', 'spotify');
    expect(after.albums.find((a) => a.id === wanted.id)?.inCatalog).toBe(albumId);

    const again = await add('spotify', wanted.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ albumId, created: false });
    expect(await albumRows('Harbour Signals')).toHaveLength(1);
  });

  it("when an album is added from Apple Music, then Spotify's album and track ids are filled too, found by its UPC", async () => {
    const apple = appleAlbum('Paper Lanterns');
    const spotify = spotifyAlbum('Paper Lanterns');
    app.sandbox!.resetCalls();
    const added = await add('apple', apple.id);
    expect(added.status).toBe(201);
    // A search by UPC, then the album and (for their ISRCs) its tracks.
    expect(callsTo('spotify')).toBeLessThanOrEqual(2 + spotify.trackIds.length);
    expect(await albumRows('Paper Lanterns')).toEqual([expect.objectContaining({ spotify_id: spotify.id, apple_id: apple.id, upc: apple.upc })]);
    const spotifyIds = spotifyIdsByIsrc(spotify);
    const tracks = await trackRows(added.body.albumId);
    expect(tracks.map((t) => t.spotify_id)).toEqual(tracks.map((t) => spotifyIds.get(t.isrc) ?? null));
    expect(tracks.filter((t) => t.spotify_id).length).toBeGreaterThan(0);
  });

  it("when Apple Music is down while an album is added from Spotify, then it is added with Spotify's ids only; adding it later from Apple Music merges into it", async () => {
    const spotify = spotifyAlbum('Copper Skies');
    const apple = appleAlbum('Copper Skies');
    app.sandbox!.knobs.set({ service: 'apple', fail: { status: 503, times: 1000 } });
    const first = await add('spotify', spotify.id);
    app.sandbox!.knobs.reset();
    expect(first.status).toBe(201);
    expect(await albumRows('Copper Skies')).toEqual([expect.objectContaining({ spotify_id: spotify.id, apple_id: null })]);
    expect((await trackRows(first.body.albumId)).every((t) => t.apple_id === null)).toBe(true);
    const hits = await search('Copper Skies Mira Okonkwo', 'apple');
    expect(hits.albums.find((a: ExternalAlbumHit) => a.id === apple.id)?.inCatalog).toBe(first.body.albumId);

    const second = await add('apple', apple.id);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ albumId: first.body.albumId, created: false });
    const rows = await albumRows('Copper Skies');
    expect(rows).toEqual([expect.objectContaining({ spotify_id: spotify.id, apple_id: apple.id })]);
    const tracks = await trackRows(first.body.albumId);
    const appleIds = appleIdsByIsrc(apple);
    for (const t of tracks) if (appleIds.has(t.isrc)) expect(t.apple_id).toBe(appleIds.get(t.isrc));
    expect(tracks.filter((t) => t.apple_id).length).toBeGreaterThan(0);
  });

  it('when many people (or one double click) add the same album at once, from one service or both, then one album is made', async () => {
    const spotify = spotifyAlbum('Maps for Lost Cities');
    const apple = appleAlbum('Maps for Lost Cities');
    const { client: other } = await registerUser(app);
    const answers = await Promise.all([
      add('spotify', spotify.id),
      add('spotify', spotify.id),
      add('spotify', spotify.id, other),
      add('apple', apple.id),
      add('apple', apple.id, other),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.albumId)).size).toBe(1);
    expect(await albumRows('Maps for Lost Cities')).toEqual([expect.objectContaining({ spotify_id: spotify.id, apple_id: apple.id })]);
    const trackCount = await knex()('tracks').where({ album_id: answers[0]!.body.albumId }).count<{ count: string }[]>('* as count');
    expect(Number(trackCount[0]!.count)).toBe(new Set(spotify.trackIds).size);
  });

  it("when Muse has the album under another title with the same UPC, then Apple's results mark it and adding merges into it", async () => {
    const spotify = spotifyAlbum('Undertow');
    const existing = await makeAlbum(knex(), { title: 'Undertow (Vinyl Rip)', artist: 'Saltwater Choir', upc: spotify.upc });
    const apple = await search('Undertow Saltwater Choir', 'apple');
    expect(apple.albums.find((h) => h.id === appleAlbum('Undertow').id)?.inCatalog).toBe(existing.id);
    const res = await add('spotify', spotify.id);
    expect(res.body).toEqual({ albumId: existing.id, created: false });
    expect(await knex()('albums').where({ id: existing.id }).first('spotify_id')).toEqual({ spotify_id: spotify.id });
  });

  it('when Muse has the album with the same tracks (ISRCs) but no UPC, then adding merges into it', async () => {
    const spotify = spotifyAlbum('Amber Road');
    const existing = await makeAlbum(knex(), { title: 'Amber Road Sessions', artist: 'Someone Else Entirely', tracks: [] });
    for (const [i, id] of spotify.trackIds.entries())
      await makeTrack(knex(), existing.id, { position: i + 1, isrc: catalog().spotify.trackById.get(id)!.isrc });
    const res = await add('spotify', spotify.id);
    expect(res.body).toEqual({ albumId: existing.id, created: false });
    const tracks = await knex()('tracks').where({ album_id: existing.id }).whereNotNull('spotify_id').count<{ count: string }[]>('* as count');
    expect(Number(tracks[0]!.count)).toBe(spotify.trackIds.length);
  });

  it('when Muse has the album by artist and title only, then search marks it and adding merges into it; a single of one of its songs stays apart', async () => {
    const apple = appleAlbum('Casa de Luz');
    const existing = await makeAlbum(knex(), { title: 'Casa De Luz', artist: 'Dalia Reyes' });
    const hits = await search('Casa de Luz', 'apple');
    expect(hits.albums.find((a) => a.id === apple.id)?.inCatalog).toBe(existing.id);
    const res = await add('apple', apple.id);
    expect(res.body).toEqual({ albumId: existing.id, created: false });

    const other = await makeAlbum(knex(), { title: 'Ember Season', artist: 'Not Hollow Pines' });
    const ember = await add('spotify', spotifyAlbum('Ember Season').id);
    expect(ember.status).toBe(201);
    expect(ember.body.albumId).not.toBe(other.id);
  });

  it('when the id is unknown to the service, then the answer is a 404 problem; an unknown provider or a malformed id is a 400', async () => {
    for (const [provider, id] of [
      ['spotify', '0000000000000000000000'],
      ['apple', '999999999'],
    ]) {
      const res = await add(provider!, id!);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'not_found' });
    }
    const unknown = await add('tidal', 'abc');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'provider', message: 'provider must be "spotify" or "apple"' }]);
    expect((await fan.get('/api/catalog/external-search').query({ q: 'anything', provider: 'deezer' })).status).toBe(400);
    expect((await add('spotify', '../../me')).status).toBe(400);
    expect((await fan.post('/api/catalog/external-albums', { provider: 'spotify' })).status).toBe(400);
    expect((await fan.get('/api/catalog/external-search').query({ provider: 'spotify', q: 'x' })).status).toBe(400);
  });

  it('when one account adds too often, then it is answered 429 with Retry-After, and others are not', async () => {
    const { client: eager } = await registerUser(app);
    const unknown = '1111111111111111111111';
    for (let i = 0; i < 60; i += 1) expect((await add('spotify', unknown, eager)).status).toBe(404);
    const over = await add('spotify', unknown, eager);
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await add('spotify', unknown)).status).toBe(404);
  });

  it('when signed out, then both are refused with 401', async () => {
    const anonymous = app.client();
    expect((await anonymous.get('/api/catalog/external-search').query({ q: 'harbour', provider: 'spotify' })).status).toBe(401);
    expect((await anonymous.post('/api/catalog/external-albums', { provider: 'spotify', id: spotifyAlbum('Undertow').id })).status).toBe(401);
  });

  it('when the service answers 5xx, then search and add answer a 503 problem that says so plainly, never a 500', async () => {
    app.sandbox!.knobs.set({ service: 'spotify', fail: { status: 503, times: 1000 } });
    const res = await fan.get('/api/catalog/external-search').query({ q: 'Neon Orchard', provider: 'spotify' });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'provider_unavailable', detail: expect.stringMatching(/Spotify is not answering/) });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|stack/);
    const added = await add('spotify', spotifyAlbum('Midnight Harvest').id);
    expect(added.status).toBe(503);
    expect(await albumRows('Midnight Harvest')).toEqual([]);
  });

  it('when the service sends truncated answers, then the answer is a 502 problem', async () => {
    app.sandbox!.knobs.set({ service: 'apple', fail: { status: 500, times: 1000, mode: 'truncated' } });
    const res = await fan.get('/api/catalog/external-search').query({ q: 'Orbit Motel', provider: 'apple' });
    expect([502, 503]).toContain(res.status);
    expect(res.body.code).toMatch(/^provider_/);
  });

  type Deadlines = { searchMs: number; readAlbumMs: number; counterpartMs?: number };

  /** The service as a person who has not connected the service uses it, with the given services, HTTP tuning and deadlines. */
  function enrichmentService(opts: { available?: (name: 'spotify' | 'apple') => boolean; tuning?: ProviderTuning; deadlines?: Deadlines }) {
    const factory = new ProviderFactory(app.container.providers.setup, opts.tuning);
    return new CatalogEnrichmentService({
      repo: new CatalogEnrichmentRepo(knex()),
      connections: { available: opts.available ?? (() => true), providerFor: () => Promise.reject(AppError.notFound('Connection')) },
      appProvider: (name) => factory.appProvider(name),
      artwork: app.container.services.artwork,
      logger: app.container.logger,
      deadlines: opts.deadlines,
    });
  }

  /** The service with quick timeouts. */
  const quickService = (available = true, deadlines?: Deadlines) =>
    enrichmentService({ available: () => available, tuning: { timeoutMs: 200, maxAttempts: 2, backoffBaseMs: 10 }, deadlines });

  it('when the service does not answer in time, then adding fails with a 503 and writes nothing', async () => {
    app.sandbox!.knobs.set({ service: 'apple', fail: { status: 503, times: 1000, mode: 'timeout' } });
    const service = quickService();
    await expect(service.addAlbum('1', { provider: 'apple', id: appleAlbum('Vacancy on Saturn').id })).rejects.toMatchObject({
      status: 503,
      code: 'provider_unavailable',
    });
    expect(await albumRows('Vacancy on Saturn')).toEqual([]);
  });

  it('when the service is slower than a person should wait, then the answer is a 503 at the deadline', async () => {
    app.sandbox!.knobs.set({ service: 'spotify', slowMs: 2000 });
    const service = quickService(true, { searchMs: 100, readAlbumMs: 100 });
    await expect(service.search('1', { provider: 'spotify', q: 'Orbit Motel' })).rejects.toMatchObject({ status: 503, code: 'provider_slow' });
    await expect(service.addAlbum('1', { provider: 'spotify', id: spotifyAlbum('Vacancy on Saturn').id })).rejects.toMatchObject({ status: 503 });
    expect(await albumRows('Vacancy on Saturn')).toEqual([]);
  });

  it("when Apple Music is slower than the add may wait, then the album is added at its deadline (or the album's own, if sooner) with Spotify's ids only", async () => {
    app.sandbox!.knobs.set({ service: 'apple', slowMs: 5000 });
    for (const [title, deadlines] of [
      ['Nocturnes for a Glass City', { searchMs: 15_000, readAlbumMs: 45_000, counterpartMs: 300 }],
      ['Spanish Eyes', { searchMs: 15_000, readAlbumMs: 1_000, counterpartMs: 60_000 }],
    ] as const) {
      const wanted = spotifyAlbum(title);
      const startedAt = Date.now();
      const added = await enrichmentService({ deadlines }).addAlbum('1', { provider: 'spotify', id: wanted.id });
      expect(Date.now() - startedAt).toBeLessThan(2500);
      expect(added.created).toBe(true);
      expect(await knex()('albums').where({ id: added.albumId }).first('spotify_id', 'apple_id')).toEqual({ spotify_id: wanted.id, apple_id: null });
    }
  });

  it("when the other service is not set up on this server, then the album is added with one service's ids and that service is never called", async () => {
    const wanted = spotifyAlbum('Immortal');
    app.sandbox!.resetCalls();
    const added = await enrichmentService({ available: (name) => name === 'spotify' }).addAlbum('1', { provider: 'spotify', id: wanted.id });
    expect(added.created).toBe(true);
    expect(callsTo('apple')).toBe(0);
    expect(await knex()('albums').where({ id: added.albumId }).first('spotify_id', 'apple_id')).toEqual({ spotify_id: wanted.id, apple_id: null });
    expect((await trackRows(added.albumId)).every((t) => t.apple_id === null)).toBe(true);
  });

  it('when a service is not set up on this server, then the answer is a 404 problem naming it', async () => {
    await expect(quickService(false).search('1', { provider: 'apple', q: 'Orbit Motel' })).rejects.toMatchObject({
      status: 404,
      code: 'provider_not_configured',
      message: 'Apple Music is not set up on this server.',
    });
  });
});
