import { io as connect, type Socket } from 'socket.io-client';
import type { PlaylistView, ServerToClientEvents, ServiceImportProgress, ServiceImportView, ServicePlaylist } from '@muse/shared';
import { signInApple } from '../../providers/sandbox/sandbox-test-kit';
import { connectSpotifyAs } from '../../testing/spotify-connection';
import { makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';
import { localFileNote, unavailableNote } from './service-import-entries';

// Calls give up on a service that keeps answering 429 after 300 ms instead of 2 minutes.
const app = useTestApp({ sandbox: true, worker: true, env: { PROVIDER_RATE_LIMIT_GIVE_UP_MS: '300' } });

let owner: TestPerson;
let stranger: TestPerson;
let spotifyPlaylists: ServicePlaylist[];
const sockets: Socket[] = [];

/** Links the sandbox's demo listener on both services to a Muse user, as the settings round trips do. */
async function connectDemoListener(userId: string): Promise<void> {
  const { connections } = app.container.services;
  await connectSpotifyAs(app, userId);
  const musicUserToken = await signInApple(app.sandbox!);
  await connections.connect(userId, 'apple', {
    providerUserId: 'demo-listener-apple',
    displayName: null,
    scopes: [],
    credentials: { accessToken: musicUserToken, musicUserToken, storefront: 'us' },
  });
}

async function openSocket(client: TestClient): Promise<Socket<ServerToClientEvents>> {
  const socket: Socket<ServerToClientEvents> = connect(app.url, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookieHeader() },
    reconnection: false,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
  return socket;
}

/** Starts an import and waits until it has ended (done, partial or failed). */
async function importAndWait(person: TestPerson, body: object): Promise<ServiceImportView> {
  const started = await person.client.post('/api/service-imports', body);
  expect(started.status).toBe(202);
  return waitFor(`import ${started.body.id} to end`, async () => {
    const res = await person.client.get(`/api/service-imports/${started.body.id}`);
    return ['done', 'partial', 'failed'].includes(res.body.status) ? (res.body as ServiceImportView) : undefined;
  });
}

const playlistNamed = (name: string) => spotifyPlaylists.find((p) => p.name === name)!;

async function readPlaylist(client: TestClient, id: string): Promise<PlaylistView> {
  const res = await client.get(`/api/playlists/${id}`);
  expect(res.status).toBe(200);
  return res.body as PlaylistView;
}

beforeAll(async () => {
  owner = await registerPerson(app);
  stranger = await registerPerson(app);
  await connectDemoListener(owner.id);
  const listed = await owner.client.get('/api/connections/spotify/playlists');
  spotifyPlaylists = listed.body.items;
});

beforeEach(() => app.sandbox!.knobs.reset());

afterAll(() => {
  for (const socket of sockets) socket.disconnect();
});

describe('service imports', () => {
  it('when the owner lists a connected service, then its playlists come with owner and size; others get 404, a bad cursor 400', async () => {
    expect(spotifyPlaylists.map((p) => p.name)).toEqual(expect.arrayContaining(['Demo mix 5', 'Demo mix 10,000', 'Someone else’s favourites']));
    expect(playlistNamed('Demo mix 300')).toMatchObject({ trackCount: 300, ownedByUser: true, ownerName: 'Demo Listener' });
    expect(playlistNamed('Someone else’s favourites')).toMatchObject({ ownedByUser: false });
    const again = await owner.client.get('/api/connections/spotify/playlists?cursor=0');
    expect(again.body.items.map((p: ServicePlaylist) => p.id)).toEqual(spotifyPlaylists.map((p) => p.id));
    const apple = await owner.client.get('/api/connections/apple/playlists');
    expect(apple.status).toBe(200);
    expect(apple.body.items.map((p: ServicePlaylist) => p.name)).toEqual(['Library mix 5', 'Library mix 50', 'Library mix 300', 'Library mix 2,000']);

    const notConnected = await stranger.client.get('/api/connections/spotify/playlists');
    expect(notConnected.status).toBe(404);
    expect(notConnected.headers['content-type']).toMatch(/problem\+json/);
    expect((await owner.client.get('/api/connections/spotify/playlists?cursor=abc')).status).toBe(400);
    expect((await owner.client.get('/api/connections/deezer/playlists')).status).toBe(400);
    expect((await app.client().get('/api/connections/spotify/playlists')).status).toBe(401);
  });

  it('when a connection needs reconnecting, then listing and importing answer 409 connection_needs_reconnect', async () => {
    const lapsed = await registerPerson(app);
    await app.container.services.connections.connect(lapsed.id, 'spotify', {
      providerUserId: 'someone-else',
      displayName: 'Someone Else',
      scopes: [],
      credentials: { accessToken: 'expired', refreshToken: 'revoked' },
    });
    await app.container.knex('provider_connections').where({ user_id: lapsed.id }).update({ status: 'needs_reconnect' });
    const listed = await lapsed.client.get('/api/connections/spotify/playlists');
    expect(listed.status).toBe(409);
    expect(listed.body.code).toBe('connection_needs_reconnect');
    const started = await lapsed.client.post('/api/service-imports', { provider: 'spotify', playlistId: playlistNamed('Demo mix 5').id });
    expect(started.status).toBe(409);
    expect(await app.container.knex('service_imports').where({ user_id: lapsed.id })).toEqual([]);
  });

  it('when a playlist is imported by id, then the owner alone hears its progress and gets a private Muse playlist with snapshots, notes and catalog links', async () => {
    const source = playlistNamed('Demo mix 300');
    // A catalog album holding one of the playlist's tracks (by ISRC), with its Apple Music id.
    const page = await app.container.services.connections.providerFor(owner.id, 'spotify').then((p) => p.readPlaylist(source.id));
    const known = page.tracks.items.find((t, i) => i > 3 && t.isrc && t.available && !t.isLocal)!;
    await makeAlbum(app, {
      title: known.album!.title,
      artist: known.artists[0]!,
      tracks: [{ title: known.title, isrc: known.isrc, durationMs: known.durationMs, appleId: '1440000001' }],
    });

    const mine = await openSocket(owner.client);
    const theirs = await openSocket(stranger.client);
    const heard: ServiceImportProgress[] = [];
    const overheard: unknown[] = [];
    mine.on('service-import:progress', (p) => heard.push(p));
    theirs.on('service-import:progress', (p) => overheard.push(p));

    const started = await owner.client.post('/api/service-imports', { provider: 'spotify', playlistId: source.id });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ provider: 'spotify', sourcePlaylistId: source.id, status: 'queued', playlistId: null });
    await waitFor('the done event', () => heard.some((p) => p.status === 'done'));
    const done = heard.at(-1)!;
    expect(done).toEqual({ importId: started.body.id, status: 'done', processed: 300, total: 300, playlistId: expect.any(String) });
    // Progress came before the end and never went back (each event reads the import as it is when sent).
    const counts = heard.map((p) => p.processed);
    expect(heard.length).toBeGreaterThan(1);
    expect(heard.slice(0, -1).every((p) => p.status === 'importing' || p.status === 'done')).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(overheard).toEqual([]);

    const record = (await owner.client.get(`/api/service-imports/${started.body.id}`)).body as ServiceImportView;
    expect(record).toMatchObject({ status: 'done', processed: 300, total: 300, sourceName: 'Demo mix 300', playlistId: done.playlistId, error: null });
    expect(record.linked).toBeGreaterThanOrEqual(1);
    expect(record.localFiles).toBeGreaterThanOrEqual(1);
    expect(record.unavailable).toBeGreaterThanOrEqual(1);

    const playlist = await readPlaylist(owner.client, done.playlistId!);
    expect(playlist).toMatchObject({
      title: 'Demo mix 300',
      description: 'Demo mix 300 (sandbox playlist of 300 tracks)',
      visibility: 'private',
      entryCount: 300,
    });
    expect(playlist.entries.map((e) => e.snapshot.title)).toEqual(expect.arrayContaining([known.title]));
    const local = playlist.entries[3]!;
    expect(local).toMatchObject({ trackId: null, serviceIds: {}, note: localFileNote('spotify') });
    expect(playlist.entries[1]).toMatchObject({ trackId: null, note: unavailableNote('spotify') });
    const linked = playlist.entries.find((e) => e.snapshot.isrc === known.isrc)!;
    expect(linked.trackId).not.toBeNull();
    expect(linked.serviceIds).toEqual({ spotify: known.id, apple: '1440000001' });
    expect(linked.snapshot).toMatchObject({ title: known.title, artists: known.artists, durationMs: known.durationMs, isrc: known.isrc });
    const plain = playlist.entries[0]!;
    expect(plain.serviceIds.spotify).toEqual(page.tracks.items[0]!.id);
    expect(plain.snapshot.title).toBe(page.tracks.items[0]!.title);

    // Nobody else sees the import or the playlist.
    expect((await stranger.client.get(`/api/service-imports/${started.body.id}`)).status).toBe(404);
    expect((await stranger.client.get(`/api/playlists/${done.playlistId}`)).status).toBe(404);
    expect((await stranger.client.get('/api/service-imports')).body.items).toEqual([]);
  });

  it('when the same playlist is imported again by each link form, then the one Muse playlist is updated in place, keeping id, likes and visibility; once deleted, a new one is made', async () => {
    const source = playlistNamed('Demo mix 5');
    const first = await importAndWait(owner, { provider: 'spotify', playlistId: source.id });
    expect(first).toMatchObject({ status: 'done', processed: 5 });
    const before = await readPlaylist(owner.client, first.playlistId!);
    expect((await owner.client.send('patch', `/api/playlists/${before.id}`, { version: before.version, visibility: 'public' })).status).toBe(200);
    expect((await stranger.client.send('put', `/api/playlists/${before.id}/like`)).status).toBeLessThan(300);

    for (const url of [
      `https://open.spotify.com/playlist/${source.id}`,
      `https://open.spotify.com/playlist/${source.id}?si=4f1c2b3a9d8e7f60`,
      `open.spotify.com/intl-de/playlist/${source.id}`,
      `spotify:playlist:${source.id}`,
    ]) {
      const again = await importAndWait(owner, { url });
      expect(again).toMatchObject({ status: 'done', processed: 5, sourcePlaylistId: source.id, playlistId: before.id });
    }
    const after = await readPlaylist(owner.client, before.id);
    expect(after).toMatchObject({ id: before.id, visibility: 'public', likeCount: 1, entryCount: 5, title: 'Demo mix 5' });
    expect(after.entries.map((e) => e.snapshot.title)).toEqual(before.entries.map((e) => e.snapshot.title));
    expect(after.entries.map((e) => e.id)).not.toEqual(before.entries.map((e) => e.id));
    const owned = await app.container.docs.playlists.list({ ownerIds: [owner.id] }, { sort: 'created', limit: 100 });
    expect(owned.filter((p) => p.title === 'Demo mix 5').map((p) => p.id)).toEqual([before.id]);

    expect((await owner.client.delete(`/api/playlists/${before.id}`)).status).toBe(204);
    const fresh = await importAndWait(owner, { url: `spotify:playlist:${source.id}` });
    expect(fresh.status).toBe('done');
    expect(fresh.playlistId).not.toBe(before.id);
    expect(await readPlaylist(owner.client, fresh.playlistId!)).toMatchObject({ visibility: 'private', entryCount: 5 });

    const mine = (await owner.client.get('/api/service-imports')).body.items as ServiceImportView[];
    expect(mine[0]!.id).toBe(fresh.id);
    expect(mine.map((i) => Number(i.id))).toEqual(mine.map((i) => Number(i.id)).sort((a, b) => b - a));
  });

  it('when an Apple Music library playlist is imported by link or id, then its songs and uploads come in; a catalog playlist not in the library fails plainly', async () => {
    const library = (await owner.client.get('/api/connections/apple/playlists')).body.items as ServicePlaylist[];
    const mix = library.find((p) => p.name === 'Library mix 50')!;
    const byLink = await importAndWait(owner, { url: `https://music.apple.com/library/playlist/${mix.id}` });
    expect(byLink).toMatchObject({ provider: 'apple', status: 'done', processed: 50, total: 50, sourceName: 'Library mix 50' });
    expect(byLink.localFiles).toBeGreaterThanOrEqual(1);
    const playlist = await readPlaylist(owner.client, byLink.playlistId!);
    expect(playlist.entries[2]).toMatchObject({ trackId: null, serviceIds: {}, note: localFileNote('apple') });
    expect(playlist.entries[0]!.serviceIds.apple).toMatch(/^\d+$/);
    const byId = await importAndWait(owner, { provider: 'apple', playlistId: mix.id });
    expect(byId.playlistId).toBe(byLink.playlistId);

    const catalog = await importAndWait(owner, { url: 'https://music.apple.com/us/playlist/todays-hits/pl.f4d106fed2bd41149aaacabb233eb5eb' });
    expect(catalog).toMatchObject({ status: 'failed', sourcePlaylistId: 'pl.f4d106fed2bd41149aaacabb233eb5eb', playlistId: null });
    expect(catalog.error).toMatch(/did not find this playlist in your library/);
  });

  it('when a link is malformed, foreign or not a playlist, then the answer is 400 naming the problem and nothing is queued', async () => {
    const cases: [object, string, RegExp][] = [
      [{ url: 'https://www.youtube.com/playlist?list=PL123' }, 'playlist_url_foreign', /www\.youtube\.com/],
      [{ url: 'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy' }, 'playlist_url_not_playlist', /an album, not a playlist/],
      [{ url: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC' }, 'playlist_url_not_playlist', /a track, not a playlist/],
      [{ url: 'https://music.apple.com/us/album/discovery/697194953' }, 'playlist_url_not_playlist', /an album, not a playlist/],
      [{ url: 'https://open.spotify.com/playlist/' }, 'playlist_url_malformed', /no valid playlist id/],
      [{ url: 'https://open.spotify.com/playlist/abc$def' }, 'playlist_url_malformed', /no valid playlist id/],
      [{ url: 'my favourite songs' }, 'playlist_url_malformed', /not a link/],
      [{ url: 'ftp://open.spotify.com/playlist/abc' }, 'playlist_url_malformed', /not a web link/],
      [{ provider: 'spotify', playlistId: '../../me' }, 'playlist_id_malformed', /not a valid Spotify playlist id/],
      [{ provider: 'apple', playlistId: 'abc' }, 'playlist_id_malformed', /not a valid Apple Music playlist id/],
    ];
    for (const [body, code, message] of cases) {
      const res = await owner.client.post('/api/service-imports', body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.detail ?? res.body.title).toMatch(message);
    }
    for (const body of [{}, { url: '' }, { url: 'x', provider: 'spotify' }, { provider: 'deezer', playlistId: 'abc' }, { url: 42 }]) {
      const res = await owner.client.post('/api/service-imports', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect((await owner.client.get('/api/service-imports/not-an-id')).status).toBe(400);
    expect((await owner.client.get('/api/service-imports/999999999')).status).toBe(404);
    const queued = await app.container.knex('service_imports').where({ user_id: owner.id, status: 'queued' });
    expect(queued).toEqual([]);
  });

  it('when Spotify refuses a playlist the user does not own (development mode), then the import fails with what the user can do', async () => {
    const followed = playlistNamed('Someone else’s favourites');
    const failed = await importAndWait(owner, { provider: 'spotify', playlistId: followed.id });
    expect(failed).toMatchObject({ status: 'failed', playlistId: null, processed: 0 });
    expect(failed.error).toMatch(/development mode/);
    expect(failed.error).toMatch(/Copy the playlist into your own library/);
    const missing = await importAndWait(owner, { url: 'https://open.spotify.com/playlist/0000000000000000000000' });
    expect(missing).toMatchObject({ status: 'failed', playlistId: null });
    expect(missing.error).toMatch(/no playlist with this link, or it is private/);
  });

  it('when Spotify answers 429 forever midway, then the import gives up after the bounded wait keeping what it read as partial', async () => {
    const source = playlistNamed('Demo mix 2,000');
    const mine = await openSocket(owner.client);
    const heard: ServiceImportProgress[] = [];
    mine.on('service-import:progress', (p) => heard.push(p));
    // Slow pages, so the throttle set after the first page lands well before the last one.
    app.sandbox!.knobs.set({ service: 'spotify', slowMs: 100 });
    const started = await owner.client.post('/api/service-imports', { provider: 'spotify', playlistId: source.id });
    await waitFor('the first page', () => heard.some((p) => p.importId === started.body.id && p.processed >= 100));
    app.sandbox!.knobs.set({ service: 'spotify', throttle: { always: true, retryAfterSeconds: 1 }, slowMs: 0 });
    const ended = await waitFor('the import to end', async () => {
      const res = await owner.client.get(`/api/service-imports/${started.body.id}`);
      return res.body.status === 'importing' || res.body.status === 'queued' ? undefined : (res.body as ServiceImportView);
    });
    app.sandbox!.knobs.reset();
    expect(ended.status).toBe('partial');
    expect(ended.processed).toBeGreaterThanOrEqual(100);
    expect(ended.processed).toBeLessThan(2000);
    expect(ended.total).toBe(2000);
    expect(ended.error).toMatch(new RegExp(`stopped after ${ended.processed.toLocaleString('en')} of 2,000 tracks`));
    const playlist = await readPlaylist(owner.client, ended.playlistId!);
    expect(playlist.entryCount).toBe(ended.processed);
    expect(heard.at(-1)).toMatchObject({ importId: started.body.id, status: 'partial', playlistId: ended.playlistId });
  });

  it('when Spotify keeps sending truncated answers or 503s, then the HTTP layer retries and the import fails clearly', async () => {
    app.sandbox!.knobs.set({ service: 'spotify', fail: { status: 500, times: 1000, mode: 'truncated' } });
    const failed = await importAndWait(owner, { provider: 'spotify', playlistId: playlistNamed('Demo mix 50').id });
    app.sandbox!.knobs.reset();
    expect(failed).toMatchObject({ status: 'failed', playlistId: null });
    expect(failed.error).toMatch(/could not read \(cut short or malformed\)/);
    app.sandbox!.knobs.set({ service: 'spotify', fail: { status: 503, times: 1000 } });
    const down = await importAndWait(owner, { provider: 'spotify', playlistId: playlistNamed('Demo mix 50').id });
    app.sandbox!.knobs.reset();
    expect(down).toMatchObject({ status: 'failed', playlistId: null });
    expect(down.error).toMatch(/did not answer \(it failed or timed out several times in a row\)/);
    // A few truncated answers are absorbed by the retries.
    app.sandbox!.knobs.set({ service: 'spotify', fail: { status: 500, times: 2, mode: 'truncated' } });
    expect(await importAndWait(owner, { provider: 'spotify', playlistId: playlistNamed('Demo mix 50').id })).toMatchObject({ status: 'done', processed: 50 });
  });

  it('when an import job was lost with Redis, then the recovery sweep queues it again and it completes', async () => {
    const source = playlistNamed('Demo mix 5');
    const [row] = await app.container
      .knex('service_imports')
      .insert({ user_id: owner.id, provider: 'spotify', source_playlist_id: source.id, status: 'importing', updated_at: new Date(Date.now() - 3_600_000) })
      .returning('id');
    expect(await app.container.services.serviceImportRecovery.requeueLostJobs()).toBe(1);
    const recovered = await waitFor('the recovered import', async () => {
      const res = await owner.client.get(`/api/service-imports/${row.id}`);
      return res.body.status === 'done' ? (res.body as ServiceImportView) : undefined;
    });
    expect(recovered.processed).toBe(5);
    // A finished import is not queued again.
    expect(await app.container.services.serviceImportRecovery.requeueLostJobs(0)).toBe(0);
  });

  // Last: the revoked grant stays revoked for the rest of this sandbox's life.
  it('when the user revoked Muse at Spotify, then the import fails saying to reconnect and the connection needs reconnecting', async () => {
    app.sandbox!.revoke('spotify', 'demo-listener');
    app.sandbox!.knobs.set({ service: 'spotify', expireTokens: true });
    const failed = await importAndWait(owner, { provider: 'spotify', playlistId: playlistNamed('Demo mix 5').id });
    expect(failed).toMatchObject({ status: 'failed', playlistId: null });
    expect(failed.error).toMatch(/Reconnect it in Settings/);
    expect(await app.container.knex('provider_connections').where({ user_id: owner.id, provider: 'spotify' }).first()).toMatchObject({
      status: 'needs_reconnect',
    });
    const again = await owner.client.post('/api/service-imports', { provider: 'spotify', playlistId: playlistNamed('Demo mix 5').id });
    expect(again.status).toBe(409);
  });
});
