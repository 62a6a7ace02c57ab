import { useTestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';
import { recomputedAlbumStats, storedAlbumStats } from '../../testing/album-stats';

const app = useTestApp();

const rate = (client: TestClient, albumId: string, body: unknown) => client.send('put', `/api/albums/${albumId}/rating`, body);
const knex = () => app.container.knex;

describe('PUT /api/albums/:id/rating validation', () => {
  it.each([
    ['0', { rating: 0 }],
    ['5.5', { rating: 5.5 }],
    ['the string "4.5"', { rating: '4.5' }],
    ['"4.5abc"', { rating: '4.5abc' }],
    ['4.25', { rating: 4.25 }],
    ['null', { rating: null }],
    ['negative', { rating: -1 }],
    ['NaN-like text', { rating: 'NaN' }],
    ['an array', { rating: [4] }],
    ['a missing field', {}],
  ])('when the rating is %s, then it answers 400 with a field error and stores nothing', async (_label, body) => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const res = await rate(client, album.id, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'rating' })]));
    expect(await knex()('album_ratings').where({ album_id: album.id }).count<{ count: string }[]>({ count: '*' })).toEqual([{ count: '0' }]);
  });

  it('when there is no body at all, then it answers 400 naming the rating', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const token = await client.ensureCsrf();
    const res = await client.agent.put(`/api/albums/${album.id}/rating`).set('x-csrf-token', token);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'rating' })]);
  });

  it('when the body is not JSON, then it answers 400 malformed_json', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const token = await client.ensureCsrf();
    const res = await client.agent
      .put(`/api/albums/${album.id}/rating`)
      .set('x-csrf-token', token)
      .set('content-type', 'application/json')
      .send('{"rating": 4');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed_json');
  });

  it.each([['abc'], ['0'], ['-3'], ['1.5'], ['99999999999999999999']])('when the album id is %s, then it answers 400', async (id) => {
    const { client } = await registerUser(app);
    expect((await rate(client, id, { rating: 4 })).status).toBe(400);
  });

  it('when the album does not exist, then it answers 404 not_found', async () => {
    const { client } = await registerUser(app);
    const res = await rate(client, '987654321', { rating: 4 });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });

  it('when signed out, then it answers 401 and stores nothing', async () => {
    const album = await makeAlbum(knex());
    const res = await rate(app.client(), album.id, { rating: 4 });
    expect(res.status).toBe(401);
    expect((await storedAlbumStats(knex(), album.id)).count).toBe(0);
  });

  it('when the CSRF header is missing, then it answers 403', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const res = await client.agent.put(`/api/albums/${album.id}/rating`).send({ rating: 4 });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_invalid');
  });
});

describe('rating an album', () => {
  it.each([
    [0.5, 1],
    [2.5, 5],
    [5, 10],
  ])('when rating %s stars, then %s is stored and the answer shows stars', async (stars, stored) => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    const res = await rate(client, album.id, { rating: stars });
    expect(res.status).toBe(200);
    expect(res.body.rating).toBe(stars);
    expect(res.body.stats).toMatchObject({ count: 1, mean: stars });
    expect(res.body.stats.histogram[stored - 1]).toBe(1);
    const row = await knex()('album_ratings').where({ user_id: session.user.id, album_id: album.id }).first();
    expect(row.value).toBe(stored);
  });

  it('when the user rates again, then the rating is replaced and the count stays 1', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    await rate(client, album.id, { rating: 2 }).then((r) => expect(r.status).toBe(200));
    const res = await rate(client, album.id, { rating: 4.5 });
    expect(res.body.rating).toBe(4.5);
    expect(res.body.stats.count).toBe(1);
    expect(res.body.stats.mean).toBe(4.5);
    expect(res.body.stats.histogram).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(await storedAlbumStats(knex(), album.id)).toEqual(await recomputedAlbumStats(knex(), album.id));
  });

  it('when several users rate, then the mean, histogram and Bayesian weighted score follow', async () => {
    const album = await makeAlbum(knex());
    for (const stars of [5, 4, 3]) {
      const { client } = await registerUser(app);
      await rate(client, album.id, { rating: stars }).then((r) => expect(r.status).toBe(200));
    }
    const page = await app.client().get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.stats).toMatchObject({ count: 3, mean: 4, histogram: [0, 0, 0, 0, 0, 1, 0, 1, 0, 1] });
    expect(page.body.stats.weighted).toEqual(expect.any(Number));
    // The prior pulls a 3-rating album towards the global mean.
    expect(page.body.stats.weighted).toBeLessThan(4);
  });

  it('when the rating is removed, then the aggregate drops and removing again is harmless', async () => {
    const { client } = await registerUser(app);
    const other = await registerUser(app);
    const album = await makeAlbum(knex());
    await rate(client, album.id, { rating: 3 });
    await rate(other.client, album.id, { rating: 5 });
    const removed = await client.delete(`/api/albums/${album.id}/rating`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ rating: null, stats: { count: 1, mean: 5 } });
    const again = await client.delete(`/api/albums/${album.id}/rating`);
    expect(again.body).toMatchObject({ rating: null, stats: { count: 1 } });
    expect(await storedAlbumStats(knex(), album.id)).toEqual(await recomputedAlbumStats(knex(), album.id));
  });

  it('when removing a rating of a missing album, then it answers 404', async () => {
    const { client } = await registerUser(app);
    expect((await client.delete('/api/albums/987654321/rating')).status).toBe(404);
  });
});

describe('relisten history', () => {
  it('when a relisten brings a different rating, then the old one moves to the history with its date', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    const first = new Date('2024-03-01T12:00:00Z');
    await app.container.services.ratings.rateAlbum(session.user.id, album.id, 3, { ratedAt: first });
    await app.container.services.ratings.rateAlbum(session.user.id, album.id, 4.5, { relisten: true });
    // A relisten with the same rating adds no history.
    await app.container.services.ratings.rateAlbum(session.user.id, album.id, 4.5, { relisten: true });
    const page = await client.get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.viewer.rating).toBe(4.5);
    expect(page.body.viewer.ratingHistory).toEqual([{ rating: 3, ratedAt: first.toISOString(), replacedAt: expect.any(String) }]);
    expect(page.body.stats).toMatchObject({ count: 1, mean: 4.5 });
  });

  it('when a plain re-rating replaces a rating, then no history is kept', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    await rate(client, album.id, { rating: 2 });
    await rate(client, album.id, { rating: 3 });
    expect(await knex()('rating_history').where({ user_id: session.user.id })).toEqual([]);
  });

  it('when the service is called with an out-of-range rating, then it refuses with rating_out_of_range', async () => {
    const { session } = await registerUser(app);
    const album = await makeAlbum(knex());
    await expect(app.container.services.ratings.rateAlbum(session.user.id, album.id, 7)).rejects.toMatchObject({ status: 400, code: 'rating_out_of_range' });
    await expect(app.container.services.ratings.rateAlbum(session.user.id, album.id, Number.NaN)).rejects.toMatchObject({ status: 400 });
  });
});

describe('track ratings', () => {
  it('when a track is rated, then the album page shows its stats and the viewer’s rating, and the album aggregate is untouched', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const trackId = album.trackIds[1]!;
    const res = await client.send('put', `/api/tracks/${trackId}/rating`, { rating: 3.5 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rating: 3.5, stats: { count: 1, mean: 3.5 } });
    const page = await client.get(`/api/albums/${album.id}`).expect(200);
    const track = page.body.tracks.find((t: { id: string }) => t.id === trackId);
    expect(track).toMatchObject({ viewerRating: 3.5, stats: { count: 1, mean: 3.5 } });
    expect(page.body.tracks.filter((t: { viewerRating: number | null }) => t.viewerRating !== null)).toHaveLength(1);
    expect(page.body.stats.count).toBe(0);
  });

  it('when a track rating is removed, then its stats drop to zero', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    await client.send('put', `/api/tracks/${album.trackIds[0]}/rating`, { rating: 1 });
    const res = await client.delete(`/api/tracks/${album.trackIds[0]}/rating`);
    expect(res.body).toMatchObject({ rating: null, stats: { count: 0, mean: null } });
  });

  it('when the track does not exist or the rating is bad, then it answers 404 or 400', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    expect((await client.send('put', '/api/tracks/987654321/rating', { rating: 3 })).status).toBe(404);
    expect((await client.send('put', `/api/tracks/${album.trackIds[0]}/rating`, { rating: '3' })).status).toBe(400);
  });
});

describe('deleting an account', () => {
  it('when a rater deletes their account, then their ratings go and the aggregates drop with them', async () => {
    const leaving = await registerUser(app);
    const staying = await registerUser(app);
    const album = await makeAlbum(knex());
    await rate(leaving.client, album.id, { rating: 1 });
    await rate(staying.client, album.id, { rating: 5 });
    await leaving.client.send('put', `/api/tracks/${album.trackIds[0]}/rating`, { rating: 2 });
    await leaving.client.delete('/api/me', { password: leaving.input.password }).then((r) => expect(r.status).toBe(204));
    const page = await app.client().get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.stats).toMatchObject({ count: 1, mean: 5, histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1] });
    expect(page.body.tracks[0].stats).toEqual({ count: 0, mean: null });
    expect(await storedAlbumStats(knex(), album.id)).toEqual(await recomputedAlbumStats(knex(), album.id));
  });
});
