import { useTestApp, type TestClient } from '../../testing/test-app';
import { follow, makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';

const app = useTestApp();
const knex = () => app.container.knex;

const patch = (client: TestClient, path: string, body: unknown) => client.send('patch', path, body);
const put = (client: TestClient, path: string, body?: unknown) => client.send('put', path, body);

async function createPlaylist(owner: TestPerson, body: Record<string, unknown> = {}) {
  const res = await owner.client.post('/api/playlists', { title: 'Night drives', kind: 'playlist', ...body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; linkToken: string | null; entries: { id: string }[] };
}

describe('POST /api/playlists', () => {
  it('when a curator creates a playlist, then it answers 201 with the document, version 1 and the owner’s permissions', async () => {
    const owner = await registerPerson(app);
    const res = await owner.client.post('/api/playlists', {
      title: '  Sigur Rós — ( ) for rainy days 🌧  ',
      kind: 'playlist',
      description: 'Line one\nline two',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Sigur Rós — ( ) for rainy days 🌧',
      kind: 'playlist',
      visibility: 'public',
      description: 'Line one\nline two',
      version: 1,
      entryCount: 0,
      entries: [],
      owner: { id: owner.id, handle: owner.handle },
      likeCount: 0,
      permissions: { edit: true, editEntries: true, delete: true, like: false },
    });
    expect((await owner.client.get(`/api/playlists/${res.body.id}`)).body.title).toBe(res.body.title);
  });

  it.each([
    ['an empty title', { title: '', kind: 'playlist' }, 'title'],
    ['a blank title', { title: '   ', kind: 'playlist' }, 'title'],
    ['a 201-character title', { title: 'x'.repeat(201), kind: 'playlist' }, 'title'],
    ['a NUL in the title', { title: 'a\u0000b', kind: 'playlist' }, 'title'],
    ['a control character in the title', { title: 'bell\u0007', kind: 'playlist' }, 'title'],
    ['a line break in the title', { title: 'two\nlines', kind: 'playlist' }, 'title'],
    ['an escape character in the description', { title: 'ok', kind: 'playlist', description: 'a\u001b[31m' }, 'description'],
    ['an unknown kind', { title: 'ok', kind: 'mixtape' }, 'kind'],
    ['a numeric title', { title: 42, kind: 'list' }, 'title'],
    ['a 2,001-character description', { title: 'ok', kind: 'list', description: 'd'.repeat(2001) }, 'description'],
    ['an unknown visibility', { title: 'ok', kind: 'list', visibility: 'secret' }, 'visibility'],
    ['an unknown field', { title: 'ok', kind: 'list', owner: '1' }, ''],
  ])('when the body has %s, then it answers 400 naming the field and stores nothing', async (_label, body, field) => {
    const owner = await registerPerson(app);
    const res = await owner.client.post('/api/playlists', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    if (field) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect((await owner.client.get('/api/playlists')).body.items).toEqual([]);
  });

  it('when signed out, then creating answers 401', async () => {
    const client = app.client();
    expect((await client.post('/api/playlists', { title: 'x', kind: 'playlist' })).status).toBe(401);
  });

  it('when a list shares with people who do not follow the owner, then it answers 400 naming them', async () => {
    const [owner, follower, stranger] = [await registerPerson(app), await registerPerson(app), await registerPerson(app)];
    await follow(knex(), follower.id, owner.id);
    const res = await owner.client.post('/api/playlists', { title: 'For you', kind: 'list', visibility: 'people', sharedWith: [follower.id, stranger.id] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('not_a_follower');
    expect(JSON.stringify(res.body.errors)).toContain(stranger.id);
  });
});

describe('who may open a playlist', () => {
  let owner: TestPerson;
  let follower: TestPerson;
  let friend: TestPerson;
  let stranger: TestPerson;
  let collaborator: TestPerson;
  const anonymous = () => app.client();

  beforeAll(async () => {
    [owner, follower, friend, stranger, collaborator] = (await Promise.all([1, 2, 3, 4, 5].map(() => registerPerson(app)))) as [
      TestPerson,
      TestPerson,
      TestPerson,
      TestPerson,
      TestPerson,
    ];
    await follow(knex(), follower.id, owner.id);
    await follow(knex(), friend.id, owner.id);
    await follow(knex(), owner.id, collaborator.id);
  });

  const expectations: [string, Record<string, boolean>][] = [
    ['public', { anonymous: true, stranger: true, follower: true, friend: true, owner: true, collaborator: true }],
    ['followers', { anonymous: false, stranger: false, follower: true, friend: true, owner: true, collaborator: true }],
    ['people', { anonymous: false, stranger: false, follower: false, friend: true, owner: true, collaborator: true }],
    ['private', { anonymous: false, stranger: false, follower: false, friend: false, owner: true, collaborator: true }],
    ['link', { anonymous: false, stranger: false, follower: false, friend: false, owner: true, collaborator: true }],
  ];

  it.each(expectations)('when a playlist is %s, then each viewer gets 200 or 404 (never 403) by id', async (visibility, allowed) => {
    const created = await createPlaylist(owner, { visibility, ...(visibility === 'people' ? { sharedWith: [friend.id] } : {}) });
    expect((await owner.client.post(`/api/playlists/${created.id}/collaborators`, { userId: collaborator.id })).status).toBe(200);
    expect((await collaborator.client.post(`/api/playlists/${created.id}/collaborators/accept`)).status).toBe(200);
    const viewers: Record<string, TestClient> = {
      anonymous: anonymous(),
      stranger: stranger.client,
      follower: follower.client,
      friend: friend.client,
      owner: owner.client,
      collaborator: collaborator.client,
    };
    for (const [who, client] of Object.entries(viewers)) {
      const res = await client.get(`/api/playlists/${created.id}`);
      expect({ who, status: res.status }).toEqual({ who, status: allowed[who] ? 200 : 404 });
      if (res.status === 404) expect(res.body.code).toBe('not_found');
      const entry = await client.post(`/api/playlists/${created.id}/entries`, { snapshot: { title: 'Hoppípolla', artists: ['Sigur Rós'] } });
      if (who === 'anonymous') expect(entry.status).toBe(401);
      else if (!allowed[who]) expect(entry.status).toBe(404);
    }
  });

  it('when a link-only playlist is opened with its token, then anyone may see it; a wrong or replaced token answers 404', async () => {
    const created = await createPlaylist(owner, { visibility: 'link' });
    expect(created.linkToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await anonymous().get(`/api/playlists/${created.id}?token=${created.linkToken}`)).status).toBe(200);
    expect((await anonymous().get(`/api/playlists/${created.id}?token=${'A'.repeat(22)}`)).status).toBe(404);
    expect((await anonymous().get(`/api/playlists/${created.id}?token=short`)).status).toBe(400);
    const seen = await stranger.client.get(`/api/playlists/${created.id}?token=${created.linkToken}`);
    expect(seen.body.linkToken).toBeNull();
    const again = await owner.client.post(`/api/playlists/${created.id}/link`, {});
    expect(again.status).toBe(200);
    expect(again.body.linkToken).not.toBe(created.linkToken);
    expect((await anonymous().get(`/api/playlists/${created.id}?token=${created.linkToken}`)).status).toBe(404);
    expect((await anonymous().get(`/api/playlists/${created.id}?token=${again.body.linkToken}`)).status).toBe(200);
    expect((await stranger.client.post(`/api/playlists/${created.id}/link`, {})).status).toBe(404);
  });

  it('when a block stands either way or the owner is suspended, then the playlist is hidden from that person', async () => {
    const created = await createPlaylist(owner);
    await knex()('blocks').insert({ blocker_id: owner.id, blocked_id: stranger.id });
    expect((await stranger.client.get(`/api/playlists/${created.id}`)).status).toBe(404);
    await knex()('blocks').where({ blocker_id: owner.id }).delete();
    expect((await stranger.client.get(`/api/playlists/${created.id}`)).status).toBe(200);
    await knex()('users').where({ id: owner.id }).update({ suspended_at: new Date() });
    expect((await stranger.client.get(`/api/playlists/${created.id}`)).status).toBe(404);
    await knex()('users').where({ id: owner.id }).update({ suspended_at: null });
  });

  it('when the id is malformed or unknown, then it answers 400 or 404', async () => {
    expect((await anonymous().get('/api/playlists/not%20an%20id')).status).toBe(400);
    expect((await anonymous().get('/api/playlists/00000000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await anonymous().get('/api/playlists/abcdefgh')).status).toBe(404);
  });
});

describe('entries', () => {
  it('when tracks are added, then each carries a catalog snapshot, the album, stars and the viewer’s own rating', async () => {
    const owner = await registerPerson(app);
    const album = await makeAlbum(knex(), {
      title: 'Ágætis byrjun',
      artist: 'Sigur Rós',
      tracks: [{ title: 'Svefn-g-englar', durationMs: 604_000, isrc: 'ISAAA9900001' }, 'Starálfur'],
    });
    await knex()('track_ratings').insert({ user_id: owner.id, track_id: album.trackIds[0], value: 9 });
    const created = await createPlaylist(owner);
    const res = await owner.client.post(`/api/playlists/${created.id}/entries`, {
      entries: [{ trackId: album.trackIds[0], note: 'The opener' }, { trackId: album.trackIds[1] }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2, entryCount: 2 });
    expect(res.body.entries[0]).toMatchObject({
      trackId: album.trackIds[0],
      albumId: album.id,
      note: 'The opener',
      addedBy: owner.id,
      snapshot: { title: 'Svefn-g-englar', artists: ['Sigur Rós'], album: 'Ágætis byrjun', durationMs: 604_000, isrc: 'ISAAA9900001' },
      album: { id: album.id, title: 'Ágætis byrjun' },
      viewerRating: 4.5,
      stats: { count: 1, mean: 4.5 },
      rank: null,
    });
    const view = (await owner.client.get(`/api/playlists/${created.id}`)).body;
    expect(view.entries.map((e: { trackId: string }) => e.trackId)).toEqual(album.trackIds.slice(0, 2));
    expect(view.covers.length).toBeLessThanOrEqual(4);
  });

  it('when an album goes on a ranked list, then entries are numbered; a track on a list or an album on a playlist is refused', async () => {
    const owner = await registerPerson(app);
    const [a, b] = [await makeAlbum(knex(), { title: 'Kid A' }), await makeAlbum(knex(), { title: 'Amnesiac' })];
    const list = await createPlaylist(owner, { kind: 'list', ranked: true, title: 'Best of 2000' });
    await knex()('album_ratings').insert({ user_id: owner.id, album_id: b.id, value: 7 });
    await owner.client.post(`/api/playlists/${list.id}/entries`, { albumId: a.id, note: 'Still ahead of its time' });
    const second = await owner.client.post(`/api/playlists/${list.id}/entries`, { albumId: b.id });
    expect(second.body.entries[0]).toMatchObject({
      albumId: b.id,
      rank: 2,
      snapshot: { title: 'Amnesiac' },
      album: { id: b.id, title: 'Amnesiac' },
      viewerRating: 3.5,
      stats: { count: 1, mean: 3.5 },
    });
    const wrong = await owner.client.post(`/api/playlists/${list.id}/entries`, { trackId: a.trackIds[0] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('wrong_entry_kind');
    const playlist = await createPlaylist(owner);
    expect((await owner.client.post(`/api/playlists/${playlist.id}/entries`, { albumId: a.id })).body.code).toBe('wrong_entry_kind');
    expect((await owner.client.post(`/api/playlists/${list.id}/entries`, { albumId: '999999999' })).status).toBe(404);
    expect((await owner.client.get(`/api/playlists/${list.id}`)).body.entryCount).toBe(2);
  });

  it('when someone who may not edit adds an unknown or wrong kind of item, then the answer is about the playlist alone, never the item', async () => {
    const owner = await registerPerson(app);
    const reader = await registerPerson(app);
    const album = await makeAlbum(knex(), { title: 'Hidden gem' });
    const secret = await createPlaylist(owner, { visibility: 'private' });
    const open = await createPlaylist(owner, { visibility: 'public' });
    for (const body of [{ trackId: '999999999' }, { albumId: album.id }, { trackId: album.trackIds[0] }]) {
      const hidden = await reader.client.post(`/api/playlists/${secret.id}/entries`, body);
      expect([hidden.status, hidden.body.detail]).toEqual([404, 'Playlist not found.']);
      const seen = await reader.client.post(`/api/playlists/${open.id}/entries`, body);
      expect([seen.status, seen.body.code]).toEqual([403, 'not_collaborator']);
    }
    expect((await owner.client.get(`/api/playlists/${open.id}`)).body.entryCount).toBe(0);
  });

  it('when an entry has no catalog item, then it is kept with its snapshot and service ids and shows everywhere', async () => {
    const owner = await registerPerson(app);
    const created = await createPlaylist(owner);
    const res = await owner.client.post(`/api/playlists/${created.id}/entries`, {
      snapshot: { title: '死ぬのがいいわ', artists: ['藤井 風'], album: 'HELP EVER HURT NEVER', durationMs: 245_000, isrc: 'jp-u10-20-00001', explicit: false },
      serviceIds: { spotify: '3F0bUFnq1Cm4sK4J2Ja3bY' },
    });
    expect(res.status).toBe(201);
    expect(res.body.entries[0]).toMatchObject({
      trackId: null,
      albumId: null,
      album: null,
      stats: null,
      snapshot: { isrc: 'JPU102000001' },
      serviceIds: { spotify: '3F0bUFnq1Cm4sK4J2Ja3bY' },
    });
    for (const bad of [
      { snapshot: { title: '' } },
      { snapshot: { title: 'x', isrc: 'nope' } },
      { snapshot: { title: 'x', durationMs: -1 } },
      {},
      { trackId: 'abc' },
    ]) {
      expect((await owner.client.post(`/api/playlists/${created.id}/entries`, bad)).status).toBe(400);
    }
  });

  it('when the owner and a collaborator add at the same moment, then every entry is kept', async () => {
    const [owner, collaborator] = [await registerPerson(app), await registerPerson(app)];
    await follow(knex(), owner.id, collaborator.id);
    const created = await createPlaylist(owner);
    await owner.client.post(`/api/playlists/${created.id}/collaborators`, { userId: collaborator.id });
    await collaborator.client.post(`/api/playlists/${created.id}/collaborators/accept`);
    const adds = Array.from({ length: 16 }, (_, i) =>
      (i % 2 ? owner : collaborator).client.post(`/api/playlists/${created.id}/entries`, { snapshot: { title: `Track ${i}`, artists: ['Band'] } }),
    );
    expect((await Promise.all(adds)).map((r) => r.status)).toEqual(Array(16).fill(201));
    const view = (await owner.client.get(`/api/playlists/${created.id}`)).body;
    expect(view.entryCount).toBe(16);
    expect(new Set(view.entries.map((e: { snapshot: { title: string } }) => e.snapshot.title)).size).toBe(16);
    expect(new Set(view.entries.map((e: { addedBy: string }) => e.addedBy))).toEqual(new Set([owner.id, collaborator.id]));
  });

  it('when a move carries a stale version, then it answers 409 with the current playlist; with the current one it moves', async () => {
    const owner = await registerPerson(app);
    const created = await createPlaylist(owner);
    const add = await owner.client.post(`/api/playlists/${created.id}/entries`, { entries: ['A', 'B', 'C'].map((title) => ({ snapshot: { title } })) });
    const [a, , c] = add.body.entries as { id: string }[];
    const stale = await owner.client.post(`/api/playlists/${created.id}/entries/${c!.id}/move`, { version: 1, position: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'playlist_version_conflict', current: { id: created.id, version: 2 } });
    expect(stale.body.current.entries.map((e: { snapshot: { title: string } }) => e.snapshot.title)).toEqual(['A', 'B', 'C']);
    const moved = await owner.client.post(`/api/playlists/${created.id}/entries/${c!.id}/move`, { version: 2, position: 0 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ version: 3, entryCount: 3 });
    const note = await patch(owner.client, `/api/playlists/${created.id}/entries/${a!.id}`, { version: 3, note: 'Favourite' });
    expect(note.body.entries[0]).toMatchObject({ id: a!.id, note: 'Favourite' });
    const view = (await owner.client.get(`/api/playlists/${created.id}`)).body;
    expect(view.entries.map((e: { snapshot: { title: string } }) => e.snapshot.title)).toEqual(['C', 'A', 'B']);
    expect((await owner.client.delete(`/api/playlists/${created.id}/entries/${a!.id}`)).body).toMatchObject({ entryCount: 2, entries: [] });
    expect((await owner.client.delete(`/api/playlists/${created.id}/entries/${a!.id}`)).status).toBe(404);
  });

  it('when a playlist holds 10,000 entries, then the 10,001st is refused with 409 and nothing changes', async () => {
    const owner = await registerPerson(app);
    const created = await createPlaylist(owner);
    const chunk = Array.from({ length: 500 }, (_, i) => ({ snapshot: { title: `T${i}` } }));
    for (let i = 0; i < 20; i++) expect((await owner.client.post(`/api/playlists/${created.id}/entries`, { entries: chunk })).status).toBe(201);
    const over = await owner.client.post(`/api/playlists/${created.id}/entries`, { snapshot: { title: 'one too many' } });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('playlist_full');
    const doc = await app.container.docs.playlists.get(created.id);
    expect(doc!.entryCount).toBe(10_000);
    expect((await owner.client.post(`/api/playlists/${created.id}/entries`, { entries: Array(501).fill({ snapshot: { title: 'x' } }) })).status).toBe(400);
  });
});

describe('editing and deleting', () => {
  it('when a collaborator edits the title or deletes, then it answers 403; a stranger gets 404; a stale title edit gets 409', async () => {
    const [owner, collaborator, stranger] = [await registerPerson(app), await registerPerson(app), await registerPerson(app)];
    await follow(knex(), owner.id, collaborator.id);
    const created = await createPlaylist(owner, { visibility: 'private' });
    await owner.client.post(`/api/playlists/${created.id}/collaborators`, { userId: collaborator.id });
    await collaborator.client.post(`/api/playlists/${created.id}/collaborators/accept`);
    expect((await patch(collaborator.client, `/api/playlists/${created.id}`, { version: 1, title: 'Mine now' })).status).toBe(403);
    expect((await collaborator.client.delete(`/api/playlists/${created.id}`)).status).toBe(403);
    expect((await patch(stranger.client, `/api/playlists/${created.id}`, { version: 1, title: 'x' })).status).toBe(404);
    expect((await stranger.client.delete(`/api/playlists/${created.id}`)).status).toBe(404);
    const { version } = (await owner.client.get(`/api/playlists/${created.id}`)).body;
    const renamed = await patch(owner.client, `/api/playlists/${created.id}`, { version, title: 'Renamed' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(version + 1);
    const stale = await patch(owner.client, `/api/playlists/${created.id}`, { version, description: 'late' });
    expect(stale.status).toBe(409);
    expect(stale.body.current.title).toBe('Renamed');
    expect((await patch(owner.client, `/api/playlists/${created.id}`, { version: version + 1 })).status).toBe(400);
    expect((await owner.client.delete(`/api/playlists/${created.id}`)).status).toBe(204);
    expect((await owner.client.get(`/api/playlists/${created.id}`)).status).toBe(404);
  });
});

describe('likes, clones and lists', () => {
  it('when people like a playlist, then the count follows, a repeat changes nothing, and the owner cannot like their own', async () => {
    const [owner, fan, other] = [await registerPerson(app), await registerPerson(app), await registerPerson(app)];
    const created = await createPlaylist(owner);
    expect((await put(owner.client, `/api/playlists/${created.id}/like`)).status).toBe(403);
    expect((await put(fan.client, `/api/playlists/${created.id}/like`)).body).toEqual({ liked: true, likeCount: 1 });
    expect((await put(fan.client, `/api/playlists/${created.id}/like`)).body).toEqual({ liked: true, likeCount: 1 });
    const both = await Promise.all([put(other.client, `/api/playlists/${created.id}/like`), fan.client.delete(`/api/playlists/${created.id}/like`)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const view = (await other.client.get(`/api/playlists/${created.id}`)).body;
    expect(view).toMatchObject({ likeCount: 1, likedByViewer: true });
    const liked = (await other.client.get('/api/playlists?filter=liked')).body;
    expect(liked.items.map((p: { id: string }) => p.id)).toEqual([created.id]);
  });

  it('when someone clones a playlist they can see, then they get a private copy crediting the original and its clone count grows', async () => {
    const [owner, fan] = [await registerPerson(app), await registerPerson(app)];
    const created = await createPlaylist(owner, { title: 'Tender' });
    await owner.client.post(`/api/playlists/${created.id}/entries`, { snapshot: { title: 'Only Love' } });
    const copy = await fan.client.post(`/api/playlists/${created.id}/clone`, {});
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      title: 'Tender (copy)',
      visibility: 'private',
      owner: { id: fan.id },
      entryCount: 1,
      clonedFrom: { id: created.id, title: 'Tender', owner: { id: owner.id } },
    });
    expect((await owner.client.get(`/api/playlists/${created.id}`)).body.cloneCount).toBe(1);
    expect((await owner.client.get(`/api/playlists/${copy.body.id}`)).status).toBe(404);
    const secret = await createPlaylist(owner, { visibility: 'private' });
    expect((await fan.client.post(`/api/playlists/${secret.id}/clone`, {})).status).toBe(404);
  });

  it('when browsing, then mine, shared with me, a profile and discover show only what each viewer may see', async () => {
    const [owner, friend, stranger] = [await registerPerson(app), await registerPerson(app), await registerPerson(app)];
    await follow(knex(), friend.id, owner.id);
    const pub = await createPlaylist(owner, { title: 'Public one' });
    const shared = await createPlaylist(owner, { title: 'For a friend', visibility: 'people', sharedWith: [friend.id] });
    const priv = await createPlaylist(owner, { title: 'Secret', visibility: 'private' });
    const link = await createPlaylist(owner, { title: 'Unlisted', visibility: 'link' });
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);
    expect(ids(await owner.client.get('/api/playlists'))).toEqual([link.id, priv.id, shared.id, pub.id]);
    expect(ids(await friend.client.get('/api/playlists?filter=shared'))).toEqual([shared.id]);
    expect(ids(await friend.client.get(`/api/users/${owner.handle}/playlists`))).toEqual([shared.id, pub.id]);
    expect(ids(await stranger.client.get(`/api/users/${owner.handle}/playlists`))).toEqual([pub.id]);
    expect(ids(await app.client().get(`/api/users/${owner.handle}/playlists`))).toEqual([pub.id]);
    expect(ids(await owner.client.get(`/api/users/${owner.handle}/playlists`))).toHaveLength(4);
    const newest = ids(await app.client().get('/api/playlists/discover?section=newest&limit=100'));
    expect(newest).toContain(pub.id);
    expect(newest).not.toEqual(expect.arrayContaining([shared.id]));
    expect(newest.filter((id) => [priv.id, link.id, shared.id].includes(id))).toEqual([]);
    expect(ids(await friend.client.get('/api/playlists/discover?section=following'))).toEqual([shared.id, pub.id]);
    expect((await app.client().get('/api/playlists/discover?section=following')).status).toBe(401);
    await put(friend.client, `/api/playlists/${pub.id}/like`);
    expect(ids(await app.client().get('/api/playlists/discover?section=popular'))).toContain(pub.id);
  });

  it('when a list pages, then every playlist comes exactly once and a forged cursor is a 400', async () => {
    const owner = await registerPerson(app);
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await createPlaylist(owner, { title: `P${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await owner.client.get(
        `/api/playlists?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    expect((await owner.client.get('/api/playlists?cursor=bm9wZQ')).status).toBe(400);
  });
});

describe('collaborators', () => {
  it('when the owner invites someone they do not follow, then it answers 400; past 20 it answers 409', async () => {
    const [owner, stranger] = [await registerPerson(app), await registerPerson(app)];
    const created = await createPlaylist(owner);
    expect((await owner.client.post(`/api/playlists/${created.id}/collaborators`, { userId: stranger.id })).body.code).toBe('not_following');
    expect((await owner.client.post(`/api/playlists/${created.id}/collaborators`, { userId: owner.id })).status).toBe(400);
    const people = await Promise.all(Array.from({ length: 21 }, () => registerPerson(app)));
    for (const p of people) await follow(knex(), owner.id, p.id);
    for (const p of people.slice(0, 20)) expect((await owner.client.post(`/api/playlists/${created.id}/collaborators`, { userId: p.id })).status).toBe(200);
    const over = await owner.client.post(`/api/playlists/${created.id}/collaborators`, { userId: people[20]!.id });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('too_many_collaborators');
  });

  it('when an invitee declines or a collaborator leaves, then they lose the right to edit; others cannot remove them', async () => {
    const [owner, collaborator, stranger] = [await registerPerson(app), await registerPerson(app), await registerPerson(app)];
    await follow(knex(), owner.id, collaborator.id);
    const created = await createPlaylist(owner, { visibility: 'private' });
    await owner.client.post(`/api/playlists/${created.id}/collaborators`, { userId: collaborator.id });
    expect((await collaborator.client.post(`/api/playlists/${created.id}/entries`, { snapshot: { title: 'early' } })).status).toBe(403);
    expect((await collaborator.client.get('/api/playlists?filter=invited')).body.items.map((p: { id: string }) => p.id)).toEqual([created.id]);
    await collaborator.client.post(`/api/playlists/${created.id}/collaborators/accept`);
    expect((await collaborator.client.get('/api/playlists?filter=collaborating')).body.items.map((p: { id: string }) => p.id)).toEqual([created.id]);
    expect((await stranger.client.delete(`/api/playlists/${created.id}/collaborators/${collaborator.id}`)).status).toBe(404);
    expect((await collaborator.client.delete(`/api/playlists/${created.id}/collaborators/${collaborator.id}`)).status).toBe(204);
    expect((await collaborator.client.get(`/api/playlists/${created.id}`)).status).toBe(404);
  });
});

describe('search', () => {
  it('when someone searches, then public playlists whose title holds every word come back, accents forgiven; others never do', async () => {
    const [owner, blocked] = [await registerPerson(app), await registerPerson(app)];
    const tag = `q${Date.now().toString(36)}`;
    const pub = await createPlaylist(owner, { title: `Café ${tag} mornings` });
    await createPlaylist(owner, { title: `Cafe ${tag} private`, visibility: 'private' });
    await createPlaylist(owner, { title: `Cafe ${tag} link`, visibility: 'link' });
    await createPlaylist(owner, { title: `Cafe ${tag} followers`, visibility: 'followers' });
    const ids = (res: { body: { playlists: { id: string }[] } }) => res.body.playlists.map((p) => p.id);
    expect(ids(await app.client().get(`/api/search?q=${encodeURIComponent(`cafe ${tag}`)}&type=playlist`))).toEqual([pub.id]);
    // The search box (everything at once) leaves playlists to a request of their own.
    expect(ids(await app.client().get(`/api/search?q=${encodeURIComponent(`cafe ${tag}`)}`))).toEqual([]);
    expect(ids(await app.client().get(`/api/search?q=${encodeURIComponent(`${tag} mornings`)}&type=playlist`))).toEqual([pub.id]);
    expect(ids(await app.client().get(`/api/search?q=${encodeURIComponent(`${tag} evenings`)}&type=playlist`))).toEqual([]);
    expect(ids(await app.client().get(`/api/search?q=${tag}&type=playlist&year=1999`))).toEqual([]);
    await knex()('blocks').insert({ blocker_id: owner.id, blocked_id: blocked.id });
    expect(ids(await app.client().get(`/api/search?q=${tag}&type=playlist`))).toEqual([pub.id]);
    expect(ids(await blocked.client.get(`/api/search?q=${tag}&type=playlist`))).toEqual([]);
  });
});
