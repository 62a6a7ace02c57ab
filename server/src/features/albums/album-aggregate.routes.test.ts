import type { AlbumAggregate } from '@muse/shared';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { block, follow, makeAlbum, makeArtist, makeUsers, rateAlbum, registerPerson, setPrivacy, type TestPerson } from '../../testing/factories';

let app: TestApp;
let viewer: TestPerson;
const knex = () => app.container.knex;

beforeAll(async () => {
  app = await createTestApp({ env: { TRUST_MIN_ACCOUNT_DAYS: '7', TRUST_MIN_RATINGS: '1', TRUST_TASTE_MIN_COMPATIBILITY: '80' } });
  viewer = await registerPerson(app);
});
afterAll(async () => {
  await app.close();
});

const view = async (client: TestPerson['client'], albumId: string, name: string): Promise<AlbumAggregate> =>
  (await client.get(`/api/albums/${albumId}/aggregate?view=${name}`).expect(200)).body;

/** A histogram with `n` ratings at `stars`. */
const only = (stars: number, n = 1) => Array.from({ length: 10 }, (_, i) => (i === stars * 2 - 1 ? n : 0));

describe('GET /api/albums/:id/aggregate', () => {
  it('when the view is everyone, then it is the album page aggregate; established counts only full-weight accounts', async () => {
    const album = await makeAlbum(knex());
    // Factory ratings are stored as established (full weight); one fresh account rates through the service.
    await rateAlbum(knex(), album.id, 4, 3);
    const [fresh] = await makeUsers(knex(), 1);
    await app.container.services.ratings.rateAlbum(fresh!, album.id, 1);

    const everyone = await view(app.client(), album.id, 'everyone');
    const pageStats = (await app.client().get(`/api/albums/${album.id}`).expect(200)).body.stats;
    expect(everyone).toEqual(
      expect.objectContaining({ view: 'everyone', count: 4, histogram: pageStats.histogram, weighted: pageStats.weighted, heldSince: null }),
    );
    expect((await app.client().get(`/api/albums/${album.id}/aggregate`).expect(200)).body).toEqual(everyone);

    const established = await view(app.client(), album.id, 'established');
    expect(established).toEqual(expect.objectContaining({ count: 3, histogram: only(4, 3), mean: 4, sampleLimit: null }));
  });

  it('when the view is people I follow, then it counts only followees whose ratings the viewer may see', async () => {
    const album = await makeAlbum(knex());
    const [open, privateApproved, privateVisibility, blocker, notFollowed] = await makeUsers(knex(), 5);
    for (const id of [open, privateApproved, privateVisibility, blocker]) await follow(knex(), viewer.id, id!);
    await setPrivacy(knex(), privateApproved!, { isPrivate: true });
    await setPrivacy(knex(), privateVisibility!, { defaultVisibility: 'private' });
    await rateAlbum(knex(), album.id, 5, [open!]);
    await rateAlbum(knex(), album.id, 4, [privateApproved!]);
    await rateAlbum(knex(), album.id, 1, [privateVisibility!, notFollowed!]);
    await rateAlbum(knex(), album.id, 2, [blocker!]);
    await block(knex(), blocker!, viewer.id);
    await follow(knex(), viewer.id, blocker!);

    const following = await view(viewer.client, album.id, 'following');
    expect(following).toEqual(
      expect.objectContaining({ view: 'following', count: 2, histogram: [0, 0, 0, 0, 0, 0, 0, 1, 0, 1], mean: 4.5, sampleLimit: 5000 }),
    );
    // Someone following nobody sees an empty view, not the album's.
    const stranger = await registerPerson(app);
    expect(await view(stranger.client, album.id, 'following')).toEqual(expect.objectContaining({ count: 0, mean: null, weighted: null }));
  });

  it('when the view is people with my taste, then it counts raters who agree with the viewer, never a private profile the viewer may not see', async () => {
    const album = await makeAlbum(knex());
    const shared = await Promise.all([1, 2, 3].map(() => makeAlbum(knex()).then((a) => a.id)));
    const [twin, opposite, privateTwin, tooFew] = await makeUsers(knex(), 4);
    const stars = [5, 1, 3];
    for (const [i, id] of shared.entries()) {
      await viewer.client.send('put', `/api/albums/${id}/rating`, { rating: stars[i] });
      await rateAlbum(knex(), id, stars[i]!, [twin!, privateTwin!]);
      await rateAlbum(knex(), id, 6 - stars[i]!, [opposite!]);
    }
    await rateAlbum(knex(), shared[0]!, 5, [tooFew!]);
    await setPrivacy(knex(), privateTwin!, { isPrivate: true });
    await rateAlbum(knex(), album.id, 4.5, [twin!]);
    await rateAlbum(knex(), album.id, 0.5, [opposite!, privateTwin!, tooFew!]);

    const taste = await view(viewer.client, album.id, 'taste');
    expect(taste).toEqual(expect.objectContaining({ view: 'taste', count: 1, histogram: only(4.5), mean: 4.5, sampleLimit: 300 }));
  });

  it('when the input is bad or the viewer signed out, then the answer is a problem naming the field (400), 401 or 404', async () => {
    const album = await makeAlbum(knex());
    for (const bad of ['friends', 'EVERYONE', '🎵', 'x'.repeat(5000)]) {
      const res = await app.client().get(`/api/albums/${album.id}/aggregate?view=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'view' })]));
    }
    await app.client().get(`/api/albums/${album.id}/aggregate?view=following`).expect(401);
    await app.client().get(`/api/albums/${album.id}/aggregate?view=taste`).expect(401);
    await app.client().get('/api/albums/999999999/aggregate').expect(404);
    await viewer.client.get('/api/albums/999999999/aggregate?view=taste').expect(404);
    await app.client().get('/api/albums/0/aggregate').expect(400);
  });
});

describe('the pre-release embargo', () => {
  let embargoed: TestApp;
  beforeAll(async () => {
    embargoed = await createTestApp({ env: { TRUST_EMBARGO_BEFORE_RELEASE: 'true' } });
  });
  afterAll(async () => {
    await embargoed.close();
  });

  it('when an album is not released yet, then its aggregate is hidden everywhere on its page but the rater still sees their own rating; released albums show theirs', async () => {
    const k = embargoed.container.knex;
    const future = await makeAlbum(k, { releaseDate: '2999-01-01' });
    const past = await makeAlbum(k, { releaseDate: '2001-01-01' });
    for (const a of [future, past]) await rateAlbum(k, a.id, 5, 2);
    const rater = await registerPerson(embargoed);

    const put = await rater.client.send('put', `/api/albums/${future.id}/rating`, { rating: 4 });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ rating: 4, stats: expect.objectContaining({ count: 0, weighted: null }) });

    const page = (await rater.client.get(`/api/albums/${future.id}`).expect(200)).body;
    expect(page.embargoedUntil).toBe('2999-01-01');
    expect(page.stats).toEqual(expect.objectContaining({ count: 0, mean: null, weighted: null, histogram: only(0.5, 0) }));
    expect(page.viewer.rating).toBe(4);
    for (const name of ['everyone', 'established', 'following', 'taste']) {
      expect(await view(rater.client, future.id, name)).toEqual(expect.objectContaining({ count: 0, embargoedUntil: '2999-01-01' }));
    }
    expect(await embargoed.container.services.ratings.albumStats(future.id)).toEqual(expect.objectContaining({ count: 0 }));

    const released = (await rater.client.get(`/api/albums/${past.id}`).expect(200)).body;
    expect([released.embargoedUntil, released.stats.count]).toEqual([null, 2]);
  });

  it('when an album is not released yet, then search, its artist page and the charts do not show its aggregate either', async () => {
    const k = embargoed.container.knex;
    const artist = await makeArtist(k, 'Embargo Ensemble');
    const future = await makeAlbum(k, { title: 'Tomorrow Sounds', artists: [artist], releaseDate: '2999-01-01' });
    const past = await makeAlbum(k, { title: 'Yesterday Sounds', artists: [artist], releaseDate: '2001-01-01' });
    for (const a of [future, past]) await rateAlbum(k, a.id, 5, 3);

    const search = (await embargoed.client().get('/api/search').query({ q: 'Sounds' }).expect(200)).body;
    const counts = (albums: { id: string; stats: { count: number } }[]) => [future.id, past.id].map((id) => albums.find((a) => a.id === id)?.stats.count);
    expect(counts(search.albums)).toEqual([0, 3]);
    expect(counts((await embargoed.client().get(`/api/artists/${artist.id}`).expect(200)).body.albums)).toEqual([0, 3]);
    await embargoed.container.services.charts.refresh();
    const chart = (await embargoed.client().get('/api/charts?kind=all-time').expect(200)).body;
    const charted = chart.items.map((i: { album: { id: string } }) => i.album.id);
    expect([charted.includes(future.id), charted.includes(past.id)]).toEqual([false, true]);
  });
});
