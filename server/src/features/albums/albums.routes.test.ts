import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, RatingStats, ServerToClientEvents } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { MAX_WATCHED_ALBUMS } from '../../realtime/socket-server';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp();

const knex = () => app.container.knex;

describe('GET /api/albums/:id', () => {
  it('when signed out, then the page has the album, credits, tracks with durations, empty stats and no viewer', async () => {
    const album = await makeAlbum(knex(), { title: 'Vespertine', artist: 'Björk', releaseDate: '2001-08-27', genres: ['Electronic'], tracks: [251_000, null] });
    const res = await app.client().get(`/api/albums/${album.id}`).expect(200);
    expect(res.body).toEqual({
      album: expect.objectContaining({
        id: album.id,
        title: 'Vespertine',
        artistCredit: 'Björk',
        releaseYear: 2001,
        releaseDate: '2001-08-27',
        releaseDatePrecision: 'day',
        genres: ['Electronic'],
        credits: [{ artistId: album.artistId, name: 'Björk', joinPhrase: '' }],
      }),
      tracks: [
        expect.objectContaining({
          id: album.trackIds[0],
          position: 1,
          title: 'Track 1',
          durationMs: 251_000,
          stats: { count: 0, mean: null },
          viewerRating: null,
        }),
        expect.objectContaining({ id: album.trackIds[1], position: 2, durationMs: null }),
      ],
      stats: { count: 0, mean: null, histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], weighted: null },
      viewer: null,
      topReviews: [],
      friends: [],
      embargoedUntil: null,
    });
  });

  it('when signed in, then the viewer block carries their rating, diary and review; others see only the aggregate', async () => {
    const me = await registerUser(app);
    const other = await registerUser(app);
    const album = await makeAlbum(knex());
    const review = await me.client.post(`/api/albums/${album.id}/reviews`, { body: 'Mine', rating: 2.5, listenedOn: '2025-05-05' });
    const page = await me.client.get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.viewer).toEqual({
      rating: 2.5,
      ratingHistory: [],
      diary: [expect.objectContaining({ listenedOn: '2025-05-05', rating: 2.5, reviewId: review.body.id })],
      reviewId: review.body.id,
    });
    const theirs = await other.client.get(`/api/albums/${album.id}`).expect(200);
    expect(theirs.body.viewer).toEqual({ rating: null, ratingHistory: [], diary: [], reviewId: null });
    expect(theirs.body.stats).toMatchObject({ count: 1, mean: 2.5 });
    expect(theirs.body.topReviews).toEqual([expect.objectContaining({ id: review.body.id, likedByViewer: false })]);
  });

  it('when an album has more than five reviews, then the page shows the five most liked', async () => {
    const album = await makeAlbum(knex());
    const fan = await registerUser(app);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { client } = await registerUser(app);
      ids.push((await client.post(`/api/albums/${album.id}/reviews`, { body: `Review ${i}` })).body.id);
    }
    await fan.client.send('put', `/api/reviews/${ids[0]}/like`);
    const page = await fan.client.get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.topReviews).toHaveLength(5);
    expect(page.body.topReviews[0]).toMatchObject({ id: ids[0], likeCount: 1, likedByViewer: true });
    expect(page.body.topReviews.slice(1).map((r: { id: string }) => r.id)).toEqual([ids[6], ids[5], ids[4], ids[3]]);

    // A review hidden by moderators leaves the page; the next one moves up.
    await knex()('reviews').where({ id: ids[0] }).update({ hidden_at: new Date() });
    const after = await fan.client.get(`/api/albums/${album.id}`).expect(200);
    expect(after.body.topReviews.map((r: { id: string }) => r.id)).toEqual([ids[6], ids[5], ids[4], ids[3], ids[2]]);
  });

  // The page reads everything in one statement of its own; these answers come from the
  // features' own reads, so the two must not drift apart.
  it('when the page is read, then its parts equal what the reviews, diary and rating endpoints answer', async () => {
    const album = await makeAlbum(knex(), { tracks: [200_000, 180_000, null] });
    await knex()('tracks').where({ id: album.trackIds[2] }).update({ disc: 2, position: 1 });
    const me = await registerUser(app);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { client } = await registerUser(app);
      ids.push((await client.post(`/api/albums/${album.id}/reviews`, { body: `Review "${i}" é 🌊`, rating: 1 + i / 2, listenedOn: '2025-03-01' })).body.id);
      await client.send('put', `/api/tracks/${album.trackIds[0]}/rating`, { rating: 2 + i / 2 });
    }
    // The oldest review, liked, must still make the top five.
    await me.client.send('put', `/api/reviews/${ids[0]}/like`);
    await me.client.post('/api/diary', { albumId: album.id, listenedOn: '2024-01-01', rating: 2 });
    await me.client.post('/api/diary', { albumId: album.id, listenedOn: '2025-01-01', rating: 4, isRelisten: true, review: 'Again' });
    const rated = await me.client.send('put', `/api/albums/${album.id}/rating`, { rating: 4.5 });
    await me.client.send('put', `/api/tracks/${album.trackIds[2]}/rating`, { rating: 5 });

    const page = (await me.client.get(`/api/albums/${album.id}`).expect(200)).body;
    const popular = (await me.client.get(`/api/albums/${album.id}/reviews?sort=popular&limit=5`).expect(200)).body.items;
    const diary = (await app.client().get(`/api/users/${me.session.user.handle}/diary`).expect(200)).body.items;
    expect(page.topReviews).toEqual(popular);
    expect(page.topReviews[0]).toMatchObject({ id: ids[0], likedByViewer: true });
    expect(page.viewer.diary).toEqual(diary.filter((d: { album: { id: string } }) => d.album.id === album.id));
    expect(page.viewer.reviewId).toBe(page.viewer.diary[0].reviewId);
    expect(page.viewer.ratingHistory.map((h: { rating: number }) => h.rating)).toEqual([2]);
    expect(page.stats).toEqual(rated.body.stats);
    expect(page.tracks.map((t: { id: string; disc: number; stats: unknown; viewerRating: number | null }) => [t.id, t.disc, t.stats, t.viewerRating])).toEqual([
      [album.trackIds[0], 1, { count: 6, mean: 3.25 }, null],
      [album.trackIds[1], 1, { count: 0, mean: null }, null],
      [album.trackIds[2], 2, { count: 1, mean: 5 }, 5],
    ]);
    // Signed out, the same reviews show, none of them liked.
    const anonymous = (await app.client().get(`/api/albums/${album.id}`).expect(200)).body;
    expect(anonymous.topReviews.map((r: { id: string; likedByViewer: boolean }) => [r.id, r.likedByViewer])).toEqual(
      popular.map((r: { id: string }) => [r.id, false]),
    );
    expect(anonymous.viewer).toBeNull();
  });

  it('when the album does not exist or the id is malformed, then it answers 404 or 400', async () => {
    expect((await app.client().get('/api/albums/987654321')).status).toBe(404);
    expect((await app.client().get('/api/albums/not-a-number')).status).toBe(400);
  });
});

describe('live album stats', () => {
  const sockets: Socket[] = [];
  afterEach(() => {
    while (sockets.length) sockets.pop()!.disconnect();
  });

  async function openSocket(client: TestClient): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(app.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: client.cookieHeader() },
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  function nextStats(socket: Socket<ServerToClientEvents, ClientToServerEvents>, albumId: string): Promise<RatingStats> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no album:stats')), 15_000).unref();
      const onStats = (payload: { albumId: string; stats: RatingStats }) => {
        if (payload.albumId !== albumId) return;
        clearTimeout(timer);
        socket.off('album:stats', onStats);
        resolve(payload.stats);
      };
      socket.on('album:stats', onStats);
    });
  }

  /** Watches an album and waits until the server confirms the socket is in its room. */
  async function watch(socket: Socket<ServerToClientEvents, ClientToServerEvents>, albumId: string): Promise<boolean> {
    return socket.timeout(10_000).emitWithAck('album:watch', albumId);
  }

  it('when another user rates a watched album, then the watcher receives its new count and histogram', async () => {
    const watcher = await registerUser(app);
    const rater = await registerUser(app);
    const album = await makeAlbum(knex());
    const socket = await openSocket(watcher.client);
    expect(await watch(socket, album.id)).toBe(true);
    const live = nextStats(socket, album.id);
    await rater.client.send('put', `/api/albums/${album.id}/rating`, { rating: 4 });
    expect(await live).toMatchObject({ count: 1, mean: 4, histogram: [0, 0, 0, 0, 0, 0, 0, 1, 0, 0] });
    const removal = nextStats(socket, album.id);
    await rater.client.delete(`/api/albums/${album.id}/rating`);
    expect(await removal).toMatchObject({ count: 0, mean: null });
  });

  it('when a socket unwatches or never watched, then it receives nothing for that album', async () => {
    const watcher = await registerUser(app);
    const rater = await registerUser(app);
    const album = await makeAlbum(knex());
    const socket = await openSocket(watcher.client);
    const leaked: unknown[] = [];
    socket.on('album:stats', (p) => p.albumId === album.id && leaked.push(p));
    expect(await watch(socket, album.id)).toBe(true);
    expect(await socket.timeout(10_000).emitWithAck('album:unwatch', album.id)).toBe(false);
    // Malformed ids are refused rather than joining odd rooms.
    expect(await watch(socket, `${album.id}; DROP`)).toBe(false);
    expect(await watch(socket, { id: album.id } as unknown as string)).toBe(false);
    const control = await makeAlbum(knex());
    expect(await watch(socket, control.id)).toBe(true);
    const controlSeen = nextStats(socket, control.id);
    await rater.client.send('put', `/api/albums/${album.id}/rating`, { rating: 2 });
    // Events are dispatched in order, so once the later one arrives the earlier had its chance.
    await rater.client.send('put', `/api/albums/${control.id}/rating`, { rating: 3 });
    await controlSeen;
    expect(leaked).toEqual([]);
  });

  it('when a socket watches more albums than allowed, then the extra watch is refused', async () => {
    const watcher = await registerUser(app);
    const socket = await openSocket(watcher.client);
    const acks: boolean[] = [];
    for (let id = 1; id <= MAX_WATCHED_ALBUMS + 1; id++) acks.push(await watch(socket, String(id)));
    expect(acks).toEqual([...Array(MAX_WATCHED_ALBUMS).fill(true), false]);
    // Watching one already watched still answers true.
    expect(await watch(socket, '1')).toBe(true);
  });
});
