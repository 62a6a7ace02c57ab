import { createLogger } from '../../lib/logger';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp();
const knex = () => app.container.knex;
const run = { finalAttempt: false, logger: createLogger('silent') };

const queue = (client: TestClient, albumId: string, keep = false) => client.send('put', `/api/me/listen-later/${albumId}`, { keep });
const queued = async (client: TestClient) => ((await client.get('/api/me/listen-later/ids').expect(200)).body as { albumIds: string[] }).albumIds.sort();

/** A user with two albums queued, one of them kept after being heard. */
async function listenerWithQueue(artist = 'Queue Band') {
  const user = await registerUser(app);
  const album = await makeAlbum(knex(), { title: 'Heard soon', artist, year: 2001 });
  const kept = await makeAlbum(knex(), { title: 'Heard and kept', artist, year: 2002 });
  expect((await queue(user.client, album.id)).status).toBe(201);
  expect((await queue(user.client, kept.id, true)).status).toBe(201);
  return { ...user, album: album.id, kept: kept.id, trackId: album.trackIds[0]! };
}

describe('an album leaves the queue once heard', () => {
  it('when the album is rated, then it leaves the queue; a kept one stays', async () => {
    const me = await listenerWithQueue();
    expect((await me.client.send('put', `/api/albums/${me.album}/rating`, { rating: 4 })).status).toBe(200);
    expect((await me.client.send('put', `/api/albums/${me.kept}/rating`, { rating: 3 })).status).toBe(200);
    expect(await queued(me.client)).toEqual([me.kept]);
  });

  it('when an album rated before is queued and rated again, then a changed rating takes it off, the same rating does not', async () => {
    const { client } = await registerUser(app);
    const album = (await makeAlbum(knex())).id;
    await client.send('put', `/api/albums/${album}/rating`, { rating: 4 });
    await queue(client, album);
    // The same value writes nothing (the rating is unchanged), so nothing new was heard.
    await client.send('put', `/api/albums/${album}/rating`, { rating: 4 });
    expect(await queued(client)).toEqual([album]);
    await client.send('put', `/api/albums/${album}/rating`, { rating: 2.5 });
    expect(await queued(client)).toEqual([]);
  });

  it('when a listen is logged in the diary without a rating, then the album leaves the queue', async () => {
    const me = await listenerWithQueue();
    expect((await me.client.post('/api/diary', { albumId: me.album, listenedOn: '2025-01-02' })).status).toBe(201);
    expect((await me.client.post('/api/diary', { albumId: me.kept, listenedOn: '2025-01-02', review: 'Kept anyway' })).status).toBe(201);
    expect(await queued(me.client)).toEqual([me.kept]);
  });

  it('when a review is written, with a rating or with neither rating nor date, then the album leaves the queue', async () => {
    const me = await listenerWithQueue();
    const plain = await makeAlbum(knex());
    await queue(me.client, plain.id);
    expect((await me.client.post(`/api/albums/${plain.id}/reviews`, { body: 'Heard it, no stars yet.' })).status).toBe(201);
    expect((await me.client.post(`/api/albums/${me.album}/reviews`, { body: 'Four stars.', rating: 4 })).status).toBe(201);
    expect((await me.client.post(`/api/albums/${me.kept}/reviews`, { body: 'Kept.', rating: 5, listenedOn: '2025-02-03' })).status).toBe(201);
    expect(await queued(me.client)).toEqual([me.kept]);
  });

  it('when only a track is rated, or someone else rates the album, then it stays on the queue', async () => {
    const me = await listenerWithQueue();
    const other = await registerUser(app);
    expect((await me.client.send('put', `/api/tracks/${me.trackId}/rating`, { rating: 5 })).status).toBe(200);
    expect((await other.client.send('put', `/api/albums/${me.album}/rating`, { rating: 1 })).status).toBe(200);
    expect((await other.client.post('/api/diary', { albumId: me.album, listenedOn: '2025-01-02' })).status).toBe(201);
    expect(await queued(me.client)).toEqual([me.album, me.kept].sort());
  });

  it('when a rating is written in a transaction that rolls back, then the album is still queued', async () => {
    const me = await listenerWithQueue();
    const userId = me.session.user.id;
    await expect(
      knex().transaction(async (trx) => {
        await trx('album_ratings').insert({ user_id: userId, album_id: me.album, value: 8 });
        // Inside the transaction the row is already gone: it goes with the rating, not after it.
        expect(await trx('listen_later').where({ user_id: userId, album_id: me.album }).first()).toBeUndefined();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await queued(me.client)).toEqual([me.album, me.kept].sort());
  });

  it('when a Letterboxd diary import rates and logs the albums, then they leave the queue; a kept one stays', async () => {
    // An artist of its own, so the import matches this listener's albums and no other test's.
    const me = await listenerWithQueue('Imported Orchestra');
    const csv = ['Date,Name,Year,Rating,Artist', '2025-03-01,Heard soon,2001,4,Imported Orchestra', ',Heard and kept,2002,3.5,Imported Orchestra'].join('\n');
    const created = await me.client.post('/api/imports', { source: 'letterboxd', csv });
    expect(created.status).toBe(202);
    await app.container.services.imports.runParse(created.body.id, run);
    const parsed = (await me.client.get(`/api/imports/${created.body.id}`).expect(200)).body;
    expect(parsed.rows.map((r: { status: string; match: { id: string } | null }) => [r.status, r.match?.id])).toEqual([
      ['matched', me.album],
      ['matched', me.kept],
    ]);
    expect((await me.client.post(`/api/imports/${created.body.id}/confirm`, {})).status).toBe(202);
    await app.container.services.imports.runApply(created.body.id, run);
    expect((await me.client.get(`/api/imports/${created.body.id}`).expect(200)).body.status).toBe('done');
    expect(await queued(me.client)).toEqual([me.kept]);
  });
});
