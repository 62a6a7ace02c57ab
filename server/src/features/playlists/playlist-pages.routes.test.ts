import { useTestApp, type TestClient } from '../../testing/test-app';
import { block, makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';

// A page once shown is kept by its version in the api process; these prove that what depends on
// the viewer, the people and the playlist's current state is never taken from a kept page.

const app = useTestApp();
const knex = () => app.container.knex;

const patch = (client: TestClient, path: string, body: unknown) => client.send('patch', path, body);

async function playlistWithTracks(owner: TestPerson) {
  const album = await makeAlbum(knex(), { title: 'Hounds of Love', tracks: ['Running Up That Hill', 'Hounds of Love', 'The Big Sky'] });
  const created = await owner.client.post('/api/playlists', { title: 'Kate', kind: 'playlist' });
  const added = await owner.client.post(`/api/playlists/${created.body.id}/entries`, { entries: album.trackIds.slice(0, 2).map((trackId) => ({ trackId })) });
  expect(added.status).toBe(201);
  return { id: created.body.id as string, album };
}

describe('GET /api/playlists/:id on a page shown before', () => {
  it('when an entry is added after the page was shown, then the next read shows it at once', async () => {
    const owner = await registerPerson(app);
    const { id, album } = await playlistWithTracks(owner);
    expect((await app.client().get(`/api/playlists/${id}`)).body.entries).toHaveLength(2);
    await owner.client.post(`/api/playlists/${id}/entries`, { trackId: album.trackIds[2] });
    const again = await app.client().get(`/api/playlists/${id}`);
    expect(again.body.entries.map((e: { trackId: string }) => e.trackId)).toEqual(album.trackIds);
    expect(again.body.entryCount).toBe(3);
  });

  it('when a shown page is made private or its owner blocks the viewer, then the next read is a 404', async () => {
    const [owner, fan] = [await registerPerson(app), await registerPerson(app)];
    const first = await playlistWithTracks(owner);
    const second = await playlistWithTracks(owner);
    const shown = await fan.client.get(`/api/playlists/${first.id}`);
    expect(shown.status).toBe(200);
    expect((await fan.client.get(`/api/playlists/${second.id}`)).status).toBe(200);
    expect((await patch(owner.client, `/api/playlists/${first.id}`, { version: shown.body.version, visibility: 'private' })).status).toBe(200);
    const gone = await fan.client.get(`/api/playlists/${first.id}`);
    expect(gone.status).toBe(404);
    expect(gone.headers['content-type']).toMatch(/application\/problem\+json/);
    await block(knex(), owner.id, fan.id);
    expect((await fan.client.get(`/api/playlists/${second.id}`)).status).toBe(404);
    expect((await app.client().get(`/api/playlists/${second.id}`)).status).toBe(200);
  });

  it('when two people read the same kept page, then each sees only their own ratings, likes and permissions', async () => {
    const [owner, ana, ben] = [await registerPerson(app), await registerPerson(app), await registerPerson(app)];
    const { id, album } = await playlistWithTracks(owner);
    await knex()('track_ratings').insert({ user_id: ana.id, track_id: album.trackIds[0], value: 7 });
    await ben.client.send('put', `/api/playlists/${id}/like`);
    const byAna = (await ana.client.get(`/api/playlists/${id}`)).body;
    const byBen = (await ben.client.get(`/api/playlists/${id}`)).body;
    const byOwner = (await owner.client.get(`/api/playlists/${id}`)).body;
    const signedOut = (await app.client().get(`/api/playlists/${id}`)).body;
    expect(byAna.entries.map((e: { viewerRating: number | null }) => e.viewerRating)).toEqual([3.5, null]);
    expect(byBen.entries.map((e: { viewerRating: number | null }) => e.viewerRating)).toEqual([null, null]);
    expect(signedOut.entries.map((e: { viewerRating: number | null }) => e.viewerRating)).toEqual([null, null]);
    expect([byAna.likedByViewer, byBen.likedByViewer, signedOut.likedByViewer]).toEqual([false, true, false]);
    expect([byAna.likeCount, byBen.likeCount, signedOut.likeCount]).toEqual([1, 1, 1]);
    expect(byOwner.permissions.edit).toBe(true);
    expect(byAna.permissions.edit).toBe(false);
    expect(byAna.entries[0].album).toMatchObject({ id: album.id, title: 'Hounds of Love' });
  });

  it('when whoever added the entries renames themselves or is suspended, then a kept page shows it at once', async () => {
    const owner = await registerPerson(app, { displayName: 'Kate' });
    const { id } = await playlistWithTracks(owner);
    expect((await app.client().get(`/api/playlists/${id}`)).body.entries[0].addedByUser.displayName).toBe('Kate');
    await knex()('users').where({ id: owner.id }).update({ display_name: 'Kate B.' });
    expect((await app.client().get(`/api/playlists/${id}`)).body.entries[0].addedByUser.displayName).toBe('Kate B.');
    await knex()('users').where({ id: owner.id }).update({ suspended_at: new Date() });
    expect((await app.client().get(`/api/playlists/${id}`)).status).toBe(404);
  });
});

describe('a playlist longer than one page', () => {
  async function longPlaylist(owner: TestPerson, count: number, visibility = 'public') {
    const created = await owner.client.post('/api/playlists', { title: 'Long one', kind: 'playlist', visibility });
    const entries = Array.from({ length: count }, (_, i) => ({ snapshot: { title: `Song ${i}`, artists: ['Someone'] } }));
    for (let i = 0; i < entries.length; i += 500)
      expect((await owner.client.post(`/api/playlists/${created.body.id}/entries`, { entries: entries.slice(i, i + 500) })).status).toBe(201);
    return created.body.id as string;
  }
  const titles = (entries: { snapshot: { title: string } }[]) => entries.map((e) => e.snapshot.title);

  it('when it is read, then the page answers the first 100 entries and /entries the rest, a page at a time, in order', async () => {
    const owner = await registerPerson(app);
    const id = await longPlaylist(owner, 250);
    const head = (await app.client().get(`/api/playlists/${id}`)).body;
    expect(head).toMatchObject({ entryCount: 250, entriesNext: 100 });
    expect(titles(head.entries)).toEqual(Array.from({ length: 100 }, (_, i) => `Song ${i}`));
    const second = (await app.client().get(`/api/playlists/${id}/entries?offset=100`)).body;
    expect(second).toMatchObject({ version: head.version, entryCount: 250, offset: 100, next: 200 });
    expect(titles(second.entries)).toEqual(Array.from({ length: 100 }, (_, i) => `Song ${100 + i}`));
    const last = (await app.client().get(`/api/playlists/${id}/entries?offset=200&limit=500`)).body;
    expect(last).toMatchObject({ offset: 200, next: null });
    expect(titles(last.entries)).toEqual(Array.from({ length: 50 }, (_, i) => `Song ${200 + i}`));
    expect((await app.client().get(`/api/playlists/${id}/entries?offset=250`)).body).toMatchObject({ entries: [], next: null });
    const short = await longPlaylist(owner, 3);
    expect((await app.client().get(`/api/playlists/${short}`)).body).toMatchObject({ entryCount: 3, entriesNext: null });
  });

  it('when entries are asked for badly or by someone who may not see them, then 400 or 404 as for the page', async () => {
    const [owner, stranger] = [await registerPerson(app), await registerPerson(app)];
    const id = await longPlaylist(owner, 120, 'private');
    for (const query of ['offset=-1', 'offset=abc', 'offset=1&limit=0', 'offset=1&limit=501', 'offset=10001'])
      expect((await owner.client.get(`/api/playlists/${id}/entries?${query}`)).status).toBe(400);
    expect((await owner.client.get(`/api/playlists/${id}/entries?offset=100`)).body.entries).toHaveLength(20);
    for (const client of [stranger.client, app.client()]) {
      const refused = await client.get(`/api/playlists/${id}/entries?offset=0`);
      expect(refused.status).toBe(404);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
