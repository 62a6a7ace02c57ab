import type { OpinionChanges, RatingTimeline } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { block, follow, makeAlbum, registerPerson, setPrivacy, writeReview, type TestPerson } from '../../testing/factories';

const app = useTestApp();
const knex = () => app.container.knex;
const log = async (client: TestClient, body: Record<string, unknown>) => {
  const res = await client.post('/api/diary', body);
  if (res.status !== 201) throw new Error(`log failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; reviewId: string | null };
};
const timeline = async (person: TestPerson, albumId: string): Promise<RatingTimeline> =>
  (await person.client.get(`/api/albums/${albumId}/my-timeline`).expect(200)).body;
const pointsOf = (t: RatingTimeline) => t.points.map((p) => [p.on, p.rating, p.source, p.listenNumber]);
const today = () => new Date().toISOString().slice(0, 10);

describe('GET /api/albums/:id/my-timeline', () => {
  it('when a first listen and two relistens were logged with ratings, then the timeline lists them in order with the change', async () => {
    const ana = await registerPerson(app);
    const album = await makeAlbum(knex());
    await log(ana.client, { albumId: album.id, listenedOn: '2024-01-05', rating: 2 });
    const second = await log(ana.client, { albumId: album.id, listenedOn: '2024-06-01', rating: 3.5, isRelisten: true, review: 'Better now' });
    await log(ana.client, { albumId: album.id, listenedOn: '2025-02-01', rating: 4.5, isRelisten: true });

    const body = await timeline(ana, album.id);
    expect(pointsOf(body)).toEqual([
      ['2024-01-05', 2, 'diary', 1],
      ['2024-06-01', 3.5, 'diary', 2],
      ['2025-02-01', 4.5, 'diary', 3],
    ]);
    expect(body.points[1]!.reviewId).toBe(second.reviewId);
    expect(body.change).toBe(2.5);
  });

  it('when the rating is later changed with the stars widget, then that change is its own point dated the day it was given', async () => {
    const ana = await registerPerson(app);
    const album = await makeAlbum(knex());
    await log(ana.client, { albumId: album.id, listenedOn: '2024-01-05', rating: 4 });
    expect((await ana.client.send('put', `/api/albums/${album.id}/rating`, { rating: 1.5 })).status).toBe(200);
    const body = await timeline(ana, album.id);
    expect(pointsOf(body)).toEqual([
      ['2024-01-05', 4, 'diary', 1],
      [today(), 1.5, 'rating', 2],
    ]);
    expect(body.change).toBe(-2.5);
  });

  it('when the viewer rated once, then one point and no change; when never, then no points', async () => {
    const ana = await registerPerson(app);
    const album = await makeAlbum(knex());
    const other = await makeAlbum(knex());
    expect((await ana.client.send('put', `/api/albums/${album.id}/rating`, { rating: 3 })).status).toBe(200);
    const once = await timeline(ana, album.id);
    expect(pointsOf(once)).toEqual([[today(), 3, 'rating', 1]]);
    expect(once.change).toBeNull();
    expect(await timeline(ana, other.id)).toEqual({ albumId: other.id, points: [], change: null });
  });

  it("when someone else asks, then they see only their own ratings, never the other person's", async () => {
    const ana = await registerPerson(app);
    const bo = await registerPerson(app);
    const album = await makeAlbum(knex());
    await log(ana.client, { albumId: album.id, listenedOn: '2024-01-05', rating: 2 });
    await log(ana.client, { albumId: album.id, listenedOn: '2024-02-05', rating: 5, isRelisten: true });
    expect((await timeline(bo, album.id)).points).toEqual([]);
  });

  it('when signed out, then 401; a malformed id 400 naming it; a missing album 404', async () => {
    const ana = await registerPerson(app);
    const album = await makeAlbum(knex());
    const signedOut = await app.client().get(`/api/albums/${album.id}/my-timeline`);
    expect(signedOut.status).toBe(401);
    const bad = await ana.client.get('/api/albums/not-an-id/my-timeline');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(bad.body.errors)).toContain('id');
    const missing = await ana.client.get('/api/albums/987654321/my-timeline');
    expect(missing.status).toBe(404);
  });
});

describe('GET /api/users/:handle/opinion-changes', () => {
  async function ratedTwice(person: TestPerson, title: string, first: number, latest: number) {
    const album = await makeAlbum(knex(), { title });
    await log(person.client, { albumId: album.id, listenedOn: '2024-01-01', rating: first });
    await log(person.client, { albumId: album.id, listenedOn: '2024-09-01', rating: latest, isRelisten: true });
    return album;
  }

  it('when a user re-rated albums on relistens, then growers rise most first and faders fall most first; unchanged ones are in neither', async () => {
    const ana = await registerPerson(app);
    await ratedTwice(ana, 'Small Rise', 3, 3.5);
    await ratedTwice(ana, 'Big Rise', 1, 4.5);
    await ratedTwice(ana, 'Big Fall', 5, 1);
    await ratedTwice(ana, 'Same', 4, 4);
    const once = await makeAlbum(knex(), { title: 'Once' });
    await log(ana.client, { albumId: once.id, listenedOn: '2024-01-01', rating: 5 });

    const body: OpinionChanges = (await app.client().get(`/api/users/${ana.handle}/opinion-changes`).expect(200)).body;
    expect(body.growers.map((g) => [g.album.title, g.first, g.latest, g.change, g.ratings])).toEqual([
      ['Big Rise', 1, 4.5, 3.5, 2],
      ['Small Rise', 3, 3.5, 0.5, 2],
    ]);
    expect(body.faders.map((g) => [g.album.title, g.change])).toEqual([['Big Fall', -4]]);
  });

  it('when a user has no relistens, then both lists are empty', async () => {
    const ana = await registerPerson(app);
    const album = await makeAlbum(knex());
    expect((await ana.client.send('put', `/api/albums/${album.id}/rating`, { rating: 3 })).status).toBe(200);
    expect((await ana.client.get(`/api/users/${ana.handle}/opinion-changes`).expect(200)).body).toEqual({ growers: [], faders: [] });
  });

  it('when the profile is private, then strangers, signed-out visitors and blocked people get 403 and followers and the owner see it', async () => {
    const ana = await registerPerson(app);
    const fan = await registerPerson(app);
    const stranger = await registerPerson(app);
    const blocked = await registerPerson(app);
    await ratedTwice(ana, 'Grower', 2, 4);
    await setPrivacy(knex(), ana.id, { isPrivate: true });
    await follow(knex(), fan.id, ana.id);
    await follow(knex(), blocked.id, ana.id);
    await block(knex(), ana.id, blocked.id);
    const path = `/api/users/${ana.handle}/opinion-changes`;
    for (const client of [stranger.client, app.client(), blocked.client]) {
      const res = await client.get(path);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('profile_private');
    }
    for (const person of [fan, ana])
      expect((await person.client.get(path).expect(200)).body.growers.map((g: { album: { title: string } }) => g.album.title)).toEqual(['Grower']);
  });

  it('when the handle is unknown, then 404; when malformed, then 400', async () => {
    expect((await app.client().get('/api/users/nobody_here_at_all/opinion-changes')).status).toBe(404);
    const bad = await app.client().get(`/api/users/${encodeURIComponent('no spaces allowed!')}/opinion-changes`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('handle');
  });
});

describe('review labels (listenNumber)', () => {
  it('when reviews follow diary listens, then each says how many listens it came after, on its page, the album list and the album page', async () => {
    const ana = await registerPerson(app);
    const viewer = await registerPerson(app);
    const album = await makeAlbum(knex());
    const first = await log(ana.client, { albumId: album.id, listenedOn: '2024-01-01', rating: 3, review: 'First take' });
    await log(ana.client, { albumId: album.id, listenedOn: '2024-02-01', rating: 3.5, isRelisten: true });
    const third = await log(ana.client, { albumId: album.id, listenedOn: '2024-03-01', rating: 4, isRelisten: true, review: 'Third time' });

    expect((await viewer.client.get(`/api/reviews/${first.reviewId}`).expect(200)).body.listenNumber).toBe(1);
    expect((await viewer.client.get(`/api/reviews/${third.reviewId}`).expect(200)).body.listenNumber).toBe(3);
    const list = (await viewer.client.get(`/api/albums/${album.id}/reviews`).expect(200)).body.items as { id: string; listenNumber: number }[];
    expect(Object.fromEntries(list.map((r) => [r.id, r.listenNumber]))).toEqual({ [first.reviewId!]: 1, [third.reviewId!]: 3 });
    const page = (await viewer.client.get(`/api/albums/${album.id}`).expect(200)).body.topReviews as { id: string; listenNumber: number }[];
    expect(Object.fromEntries(page.map((r) => [r.id, r.listenNumber]))).toEqual({ [first.reviewId!]: 1, [third.reviewId!]: 3 });
  });

  it('when a review without a diary listen is marked as a relisten, then it is at least a second listen; a plain one a first impression', async () => {
    const ana = await registerPerson(app);
    const album = await makeAlbum(knex());
    const relisten = await writeReview(ana, album.id, 'Back again', { isRelisten: true });
    const plain = await writeReview(ana, (await makeAlbum(knex())).id, 'New to me');
    expect((await ana.client.get(`/api/reviews/${relisten}`).expect(200)).body.listenNumber).toBe(2);
    expect((await ana.client.get(`/api/reviews/${plain}`).expect(200)).body.listenNumber).toBe(1);
  });

  it('when a track is reviewed, then the review carries no label (the diary logs albums only)', async () => {
    const ana = await registerPerson(app);
    const album = await makeAlbum(knex());
    const trackId = album.trackIds[0]!;
    const res = await ana.client.post(`/api/tracks/${trackId}/reviews`, { body: 'Great opener', listenedOn: '2024-01-01' });
    expect(res.status).toBe(201);
    expect((await ana.client.get(`/api/reviews/${res.body.id}`).expect(200)).body.listenNumber).toBeNull();
  });
});
