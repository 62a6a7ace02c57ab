import type { ArtistPage } from '@muse/shared';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { makeAlbum, makeArtist, rateAlbum } from '../../testing/factories';

let app: TestApp;
let bjork: { id: string; name: string };
let loner: { id: string; name: string };
const albums: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp();
  const knex = app.container.knex;
  bjork = await makeArtist(knex, 'Björk');
  const thom = await makeArtist(knex, 'Thom Yorke');
  loner = await makeArtist(knex, 'Nobody Yet');
  albums.debut = (await makeAlbum(knex, { title: 'Debut', artists: [bjork], year: 1993, releaseDate: '1993-07-05', genres: ['Electronic'] })).id;
  albums.homogenic = (await makeAlbum(knex, { title: 'Homogenic', artists: [bjork], year: 1997, releaseDate: '1997-09-22', genres: ['Electronic'] })).id;
  // Credited second, after a join phrase: still hers.
  albums.duet = (await makeAlbum(knex, { title: 'I’ve Seen It All', artists: [bjork, { ...thom, join: '' }], year: 2000, releaseDate: '2000-09-11' })).id;
  albums.undated = (await makeAlbum(knex, { title: 'Bootleg', artists: [bjork], year: null })).id;
  albums.sameYear = (await makeAlbum(knex, { title: 'Live Box', artists: [bjork], year: 1997 })).id;
  await makeAlbum(knex, { title: 'The Eraser', artists: [thom], year: 2006 });
  await rateAlbum(knex, albums.homogenic, 10 / 2, 2);
});

afterAll(async () => {
  await app.close();
});

describe('GET /api/artists/:id', () => {
  it('when the artist exists, then the page lists every album crediting them, newest first, undated last, with stats', async () => {
    const res = await app.client().get(`/api/artists/${bjork.id}`);
    expect(res.status).toBe(200);
    const page = res.body as ArtistPage;
    expect(page.artist).toEqual({ id: bjork.id, name: 'Björk', albumCount: 5 });
    expect(page.albums.map((a) => a.title)).toEqual(['I’ve Seen It All', 'Homogenic', 'Live Box', 'Debut', 'Bootleg']);
    expect(page.albums[1]).toEqual({
      id: albums.homogenic,
      title: 'Homogenic',
      artistCredit: 'Björk',
      releaseYear: 1997,
      type: 'album',
      coverUrl: null,
      genres: ['Electronic'],
      stats: { count: 2, mean: 5, histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 2], weighted: expect.any(Number) },
    });
    expect(page.albums[0]!.stats.count).toBe(0);
  });

  it('when the artist has no albums, then the page says so with an empty list', async () => {
    const res = await app.client().get(`/api/artists/${loner.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ artist: { id: loner.id, name: 'Nobody Yet', albumCount: 0 }, albums: [] });
  });

  it('when no artist has the id, then the answer is a 404 problem', async () => {
    const res = await app.client().get('/api/artists/999999999');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'not_found', status: 404 });
  });

  it.each(['abc', '0', '-1', '1.5', '12345678901234567890', '1e3', '%20'])('when the id is "%s", then the answer is a 400 problem naming id', async (id) => {
    const res = await app.client().get(`/api/artists/${id}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['id']);
  });
});
