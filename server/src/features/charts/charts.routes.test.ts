import type { Chart } from '@muse/shared';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';
import { startWorker } from '../../roles/worker-role';
import { ChartsCache } from './charts.cache';
import { makeAlbum, makeUsers, rateAlbum, registerPerson } from '../../testing/factories';

let app: TestApp;
let users: string[];

beforeAll(async () => {
  app = await createTestApp();
  users = await makeUsers(app.container.knex, 25);
});
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  await app.container.knex.raw('TRUNCATE albums, artists RESTART IDENTITY CASCADE');
  await app.container.redis.del(`${app.container.config.REDIS_PREFIX}charts:current`);
  await app.container.queues.byName.charts.obliterate({ force: true });
});

const refresh = () => app.container.services.charts.refresh();
const chart = async (query: string): Promise<Chart> => (await app.client().get(`/api/charts?${query}`).expect(200)).body;
const titles = (c: Chart) => c.items.map((i) => i.album.title);

describe('top albums all-time', () => {
  it('when two perfect ratings meet twenty 4.5s, then the Bayesian average ranks the many 4.5s first and the too-few come last, marked provisional', async () => {
    const { knex } = app.container;
    const few = (await makeAlbum(knex, { title: 'Three Fives', artist: 'A' })).id;
    const many = (await makeAlbum(knex, { title: 'Twenty 4.5s', artist: 'B' })).id;
    const low = (await makeAlbum(knex, { title: 'Five Ones', artist: 'C' })).id;
    const tooFew = (await makeAlbum(knex, { title: 'Two Fives', artist: 'D' })).id;
    await rateAlbum(knex, few, 5, users.slice(0, 3));
    await rateAlbum(knex, many, 4.5, users.slice(0, 20));
    await rateAlbum(knex, low, 1, users.slice(0, 5));
    await rateAlbum(knex, tooFew, 5, users.slice(0, 2));
    await refresh();

    const body = await chart('kind=all-time');
    // m = (15 + 90 + 5 + 10) / 30 = 4; C = 10.
    // Twenty 4.5s: (40 + 90) / 30 = 4.33; Three Fives: (40 + 15) / 13 = 4.23; Five Ones: (40 + 5) / 15 = 3.
    expect(body.priorMean).toBe(4);
    expect(body.priorWeight).toBe(10);
    expect(body.minCount).toBe(3);
    expect(titles(body)).toEqual(['Twenty 4.5s', 'Three Fives', 'Five Ones', 'Two Fives']);
    expect(body.items.map((i) => [i.rank, i.stats.weighted, i.stats.mean, i.stats.count, i.provisional])).toEqual([
      [1, 4.33, 4.5, 20, false],
      [2, 4.23, 5, 3, false],
      [3, 3, 1, 5, false],
      [4, 4.17, 5, 2, true],
    ]);
    expect(body.items[0]!.stats.histogram).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 20, 0]);
    expect(body.computedAt).not.toBeNull();
  });

  it('when a limit is given, then only that many come back, best first', async () => {
    const { knex } = app.container;
    for (let i = 0; i < 5; i++) await rateAlbum(knex, (await makeAlbum(knex, { title: `Album ${i}`, artist: 'X' })).id, 4, users.slice(0, 3 + i));
    await refresh();
    const body = await chart('limit=2');
    expect(body.kind).toBe('all-time');
    expect(titles(body)).toEqual(['Album 4', 'Album 3']);
  });

  it('when nobody has rated anything, then the chart is computed and empty', async () => {
    await makeAlbum(app.container.knex, { title: 'Unrated', artist: 'X' });
    await refresh();
    const body = await chart('kind=all-time');
    expect(body.items).toEqual([]);
    expect(body.computedAt).not.toBeNull();
  });
});

describe('charts by year and genre', () => {
  it('when asking for a year, then only albums released that year appear', async () => {
    const { knex } = app.container;
    const ok = (await makeAlbum(knex, { title: 'OK Computer', artist: 'Radiohead', year: 1997 })).id;
    const homo = (await makeAlbum(knex, { title: 'Homogenic', artist: 'Björk', year: 1997 })).id;
    const kid = (await makeAlbum(knex, { title: 'Kid A', artist: 'Radiohead', year: 2000 })).id;
    const undated = (await makeAlbum(knex, { title: 'Undated', artist: 'X', year: null })).id;
    for (const id of [ok, homo, kid, undated]) await rateAlbum(knex, id, id === homo ? 5 : 4, users.slice(0, 4));
    await refresh();

    const body = await chart('kind=year&year=1997');
    expect(body.year).toBe(1997);
    expect(titles(body)).toEqual(['Homogenic', 'OK Computer']);
    expect(titles(await chart('kind=year&year=2000'))).toEqual(['Kid A']);
    expect((await chart('kind=year&year=1950')).items).toEqual([]);
    const facets = (await app.client().get('/api/charts/facets').expect(200)).body;
    expect(facets.years).toEqual([2000, 1997]);
  });

  it('when asking for a genre, then albums listed under it as genre or style appear, whatever its case', async () => {
    const { knex } = app.container;
    const amb = (await makeAlbum(knex, { title: 'Selected Ambient Works', artist: 'Aphex Twin', genres: ['Electronic'], styles: ['Ambient'] })).id;
    const both = (await makeAlbum(knex, { title: 'Listed Twice', artist: 'Y', genres: ['Electronic'], styles: ['Electronic'] })).id;
    const rock = (await makeAlbum(knex, { title: 'Nevermind', artist: 'Nirvana', genres: ['Rock'], styles: ['Grunge'] })).id;
    const few = (await makeAlbum(knex, { title: 'Barely Rated', artist: 'Z', genres: ['Electronic'] })).id;
    await rateAlbum(knex, amb, 4.5, users.slice(0, 5));
    await rateAlbum(knex, both, 3, users.slice(0, 5));
    await rateAlbum(knex, rock, 5, users.slice(0, 5));
    await rateAlbum(knex, few, 5, users.slice(0, 2));
    await refresh();

    const ambient = await chart('kind=genre&genre=aMbIeNt');
    expect(ambient.genre).toBe('Ambient');
    expect(titles(ambient)).toEqual(['Selected Ambient Works']);
    const electronic = await chart('kind=genre&genre=Electronic');
    expect(electronic.items.map((i) => [i.album.title, i.provisional])).toEqual([
      ['Selected Ambient Works', false],
      ['Listed Twice', false],
      ['Barely Rated', true],
    ]);
    expect(titles(await chart('kind=genre&genre=Rock'))).toEqual(['Nevermind']);
    expect((await chart('kind=genre&genre=Polka')).items).toEqual([]);
    const facets = (await app.client().get('/api/charts/facets').expect(200)).body;
    expect(facets.genres).toEqual(['Ambient', 'Electronic', 'Grunge', 'Rock']);
  });

  it.each([
    ['kind=year', 'year'],
    ['kind=genre', 'genre'],
    ['kind=year&year=abc', 'year'],
    ['kind=year&year=1850', 'year'],
    ['kind=weekly', 'kind'],
    ['limit=0', 'limit'],
    ['limit=251', 'limit'],
    ['limit=2.5', 'limit'],
  ])('when the query is %s, then it answers 400 naming %s', async (query, field) => {
    const res = await app.client().get(`/api/charts?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});

describe('trending this week', () => {
  it('when ratings are older than 7 days, then they do not count; ties go to the better weighted score', async () => {
    const { knex } = app.container;
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const hot = (await makeAlbum(knex, { title: 'Hot', artist: 'H' })).id;
    const oldFavourite = (await makeAlbum(knex, { title: 'Old Favourite', artist: 'O' })).id;
    const forgotten = (await makeAlbum(knex, { title: 'Forgotten', artist: 'F' })).id;
    const tieLow = (await makeAlbum(knex, { title: 'Tie Low', artist: 'T' })).id;
    await rateAlbum(knex, hot, 3, users.slice(0, 3));
    await rateAlbum(knex, oldFavourite, 5, users.slice(0, 10), eightDaysAgo);
    await rateAlbum(knex, oldFavourite, 5, users.slice(10, 11));
    await rateAlbum(knex, forgotten, 5, users.slice(0, 20), eightDaysAgo);
    await rateAlbum(knex, tieLow, 1, users.slice(0, 1));
    await refresh();

    const body = await chart('kind=trending');
    expect(body.items.map((i) => [i.album.title, i.recentCount])).toEqual([
      ['Hot', 3],
      ['Old Favourite', 1],
      ['Tie Low', 1],
    ]);
    expect(body.items[1]!.stats.count).toBe(11);
  });

  it('when an old rating is changed this week, then it counts as recent activity', async () => {
    const { knex } = app.container;
    const album = (await makeAlbum(knex, { title: 'Revisited', artist: 'R' })).id;
    await rateAlbum(knex, album, 2, users.slice(0, 2), new Date(Date.now() - 30 * 24 * 3600 * 1000));
    await knex('album_ratings').where({ album_id: album, user_id: users[0] }).update({ value: 9, updated_at: new Date() });
    await refresh();
    const body = await chart('kind=trending');
    expect(body.items.map((i) => [i.album.title, i.recentCount, i.stats.mean])).toEqual([['Revisited', 1, 3.25]]);
  });
});

describe('the cache', () => {
  it('when no refresh has run, then the chart is empty with computedAt null and one refresh is queued however often it is asked for', async () => {
    const body = await chart('kind=all-time');
    expect(body).toMatchObject({ kind: 'all-time', computedAt: null, items: [] });
    await chart('kind=trending');
    expect((await app.client().get('/api/charts/facets').expect(200)).body).toEqual({ years: [], genres: [] });
    const jobs = await app.container.queues.byName.charts.getJobs(['waiting', 'prioritized', 'delayed', 'active']);
    expect(jobs.map((j) => j.name)).toEqual(['refresh-charts']);
  });

  it('when ratings change after a refresh, then the API keeps answering the cached chart until the job runs again', async () => {
    const { knex } = app.container;
    const first = (await makeAlbum(knex, { title: 'First', artist: 'A' })).id;
    await rateAlbum(knex, first, 3, users.slice(0, 3));
    await refresh();
    const before = await chart('kind=all-time');
    expect(titles(before)).toEqual(['First']);

    const second = (await makeAlbum(knex, { title: 'Second', artist: 'B' })).id;
    await rateAlbum(knex, second, 5, users.slice(0, 10));
    const stale = await chart('kind=all-time');
    expect(stale).toEqual(before);

    await refresh();
    const fresh = await chart('kind=all-time');
    expect(titles(fresh)).toEqual(['Second', 'First']);
    expect(Date.parse(fresh.computedAt!)).toBeGreaterThanOrEqual(Date.parse(before.computedAt!));
  });

  it('when an older refresh finishes after a newer one, then the newer snapshot stays current', async () => {
    const { knex } = app.container;
    const album = (await makeAlbum(knex, { title: 'Only', artist: 'A' })).id;
    await rateAlbum(knex, album, 3, users.slice(0, 3));
    await refresh();
    const current = await chart('kind=all-time');
    const cache = new ChartsCache(app.container.redis, app.container.config.REDIS_PREFIX);
    const older = {
      meta: { computedAt: new Date(Date.parse(current.computedAt!) - 60_000).toISOString(), priorMean: 1, priorWeight: 10, minCount: 3 },
      facets: { years: [], genres: [] },
      charts: new Map(),
      albums: new Map(),
    };
    expect(await cache.write(older)).toBe(false);
    expect(await chart('kind=all-time')).toEqual(current);
  });
});

describe('refreshing after ratings', () => {
  it('when ratings are written through the API, then one delayed refresh is queued for all of them', async () => {
    const album = (await makeAlbum(app.container.knex, { title: 'Burst', artist: 'B' })).id;
    for (let i = 0; i < 3; i++) {
      const rater = await registerPerson(app);
      expect((await rater.client.send('put', `/api/albums/${album}/rating`, { rating: 4 })).status).toBe(200);
    }
    const jobs = await app.container.queues.byName.charts.getJobs(['waiting', 'prioritized', 'delayed', 'active']);
    expect(jobs.map((j) => [j.name, j.opts.delay! > 0])).toEqual([['refresh-charts', true]]);
  });

  it('when the first album of a new community is rated, then a running worker charts it soon after, as provisional', async () => {
    const album = (await makeAlbum(app.container.knex, { title: 'First Love', artist: 'N' })).id;
    const worker = await startWorker(app.container);
    try {
      await waitFor('the charts computed at worker start', async () => (await chart('kind=all-time')).computedAt ?? undefined);
      const rater = await registerPerson(app);
      expect((await rater.client.send('put', `/api/albums/${album}/rating`, { rating: 5 })).status).toBe(200);

      const body = await waitFor('the rated album in the chart', async () => {
        const c = await chart('kind=all-time');
        return c.items.length ? c : undefined;
      });
      expect(body.items.map((i) => [i.album.title, i.stats.count, i.provisional])).toEqual([['First Love', 1, true]]);
    } finally {
      await worker.stop();
    }
  });
});

describe('the worker', () => {
  it('when a chart is asked for before any refresh, then a worker computes it and the next read shows it, with a 10-minute schedule set', async () => {
    const { knex } = app.container;
    await rateAlbum(knex, (await makeAlbum(knex, { title: 'Queued', artist: 'W' })).id, 4, users.slice(0, 3));
    expect((await chart('kind=all-time')).computedAt).toBeNull();
    const worker = await startWorker(app.container);
    try {
      const body = await waitFor('the worker to compute the chart', async () => {
        const c = await chart('kind=all-time');
        return c.computedAt ? c : undefined;
      });
      expect(titles(body)).toEqual(['Queued']);
      const schedulers = await app.container.queues.byName.charts.getJobSchedulers();
      expect(schedulers.map((s) => [s.name, s.every])).toEqual([['refresh-charts', 600_000]]);
    } finally {
      await worker.stop();
    }
  });
});
