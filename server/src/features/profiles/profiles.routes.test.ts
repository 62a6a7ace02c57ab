import { useTestApp } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp();

const knex = () => app.container.knex;
type User = Awaited<ReturnType<typeof registerUser>>;
const view = (viewer: User | null, owner: User) => (viewer ? viewer.client : app.client()).get(`/api/users/${owner.input.handle}`);
const setFavourites = (u: User, albumIds: unknown) => u.client.send('put', '/api/me/favourites', { albumIds });
const titles = (favourites: { title: string }[]) => favourites.map((f) => f.title);

describe('GET /api/users/:handle', () => {
  it('when a profile is private, then strangers see only name and avatar, followers and the owner see everything', async () => {
    const [owner, follower, stranger] = [await registerUser(app, { displayName: 'Zoë Ω' }), await registerUser(app), await registerUser(app)];
    await owner.client.send('patch', '/api/me/profile', { bio: 'Secret bio', avatarUrl: 'https://img.example/zoe.png' });
    const album = await makeAlbum(knex(), { title: 'Blue' });
    await setFavourites(owner, [album.id]);
    await follower.client.send('put', `/api/users/${owner.input.handle}/follow`);
    await owner.client.send('patch', '/api/me/privacy', { isPrivate: true });

    for (const viewer of [stranger, null]) {
      const res = await view(viewer, owner);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ visible: false, isOwn: false, favourites: [], stats: null, compatibility: null, settings: null });
      expect(res.body.user).toMatchObject({ displayName: 'Zoë Ω', avatarUrl: 'https://img.example/zoe.png', bio: '', isPrivate: true });
    }
    expect((await view(stranger, owner)).body.relationship).toEqual({
      following: false,
      followedBy: false,
      requested: false,
      blocking: false,
      blockedBy: false,
    });
    expect((await view(null, owner)).body.relationship).toBeNull();

    const asFollower = (await view(follower, owner)).body;
    expect(asFollower).toMatchObject({ visible: true, settings: null, user: { bio: 'Secret bio', followerCount: 1 } });
    expect(titles(asFollower.favourites)).toEqual(['Blue']);
    expect(asFollower.stats.ratingCount).toBe(0);

    const asOwner = (await view(owner, owner)).body;
    expect(asOwner).toMatchObject({ visible: true, isOwn: true, relationship: null, settings: { defaultVisibility: 'public', hideUnloggedTakes: false } });
  });

  it('when the handle differs only in case, then the same profile answers; an unknown one answers 404', async () => {
    const u = await registerUser(app);
    expect((await app.client().get(`/api/users/${u.input.handle.toUpperCase()}`)).body.user.id).toBe(u.session.user.id);
    expect((await app.client().get('/api/users/nobody_goes_by_this')).status).toBe(404);
    expect((await app.client().get('/api/users/a')).status).toBe(400);
  });

  it('when the viewer was blocked by a public profile, then it still shows what the world sees, with blockedBy set', async () => {
    const [owner, viewer] = [await registerUser(app), await registerUser(app)];
    await owner.client.send('put', `/api/users/${viewer.input.handle}/block`);
    const res = await view(viewer, owner);
    expect(res.body.visible).toBe(true);
    expect(res.body.relationship).toMatchObject({ blockedBy: true });
  });
});

describe('PATCH /api/me/profile and /api/me/privacy', () => {
  it('when the owner edits name, bio and avatar, then the profile shows them; an empty avatar clears it', async () => {
    const u = await registerUser(app);
    const bio = '🎶 '.repeat(300).trim();
    const res = await u.client.send('patch', '/api/me/profile', { displayName: '  Ana  ', bio, avatarUrl: 'https://x.example/a.jpg' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ displayName: 'Ana', bio, avatarUrl: 'https://x.example/a.jpg' });
    expect((await u.client.send('patch', '/api/me/profile', { avatarUrl: '' })).body.user.avatarUrl).toBeNull();
    expect((await view(null, u)).body.user).toMatchObject({ displayName: 'Ana', bio, avatarUrl: null });
  });

  it.each<[string, unknown]>([
    ['nothing', {}],
    ['a bio of 1,001 characters', { bio: 'x'.repeat(1001) }],
    ['a javascript: avatar', { avatarUrl: 'javascript:alert(1)' }],
    ['a blank display name', { displayName: '   ' }],
    ['a number as bio', { bio: 42 }],
    ['a NUL in the bio', { bio: 'a\u0000b' }],
  ])('when the body has %s, then it answers 400 and changes nothing', async (_label, body) => {
    const u = await registerUser(app, { displayName: 'Kept' });
    const res = await u.client.send('patch', '/api/me/profile', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((await view(null, u)).body.user).toMatchObject({ displayName: 'Kept', bio: '' });
  });

  it('when privacy settings change, then the owner sees them and bad values answer 400', async () => {
    const u = await registerUser(app);
    const res = await u.client.send('patch', '/api/me/privacy', { defaultVisibility: 'followers', hideUnloggedTakes: true });
    expect(res.body.settings).toEqual({ defaultVisibility: 'followers', hideUnloggedTakes: true });
    expect((await u.client.send('patch', '/api/me/privacy', { defaultVisibility: 'friends' })).status).toBe(400);
    expect((await u.client.send('patch', '/api/me/privacy', { isPrivate: 'yes' })).status).toBe(400);
    expect((await app.client().send('patch', '/api/me/privacy', { isPrivate: true })).status).toBe(401);
  });
});

describe('PUT /api/me/favourites', () => {
  it('when favourites are set and then reordered, then the profile shows them in the new order with their stats', async () => {
    const u = await registerUser(app);
    const albums = [];
    for (const title of ['One', 'Two', 'Three', 'Four']) albums.push(await makeAlbum(knex(), { title }));
    const [a, b, c, d] = albums.map((x) => x.id) as [string, string, string, string];
    await knex()('album_ratings').insert({ user_id: u.session.user.id, album_id: b, value: 9 });
    const res = await setFavourites(u, [a, b, c, d]);
    expect(res.status).toBe(200);
    expect(titles(res.body.favourites)).toEqual(['One', 'Two', 'Three', 'Four']);
    expect(res.body.favourites[1].stats).toMatchObject({ count: 1, mean: 4.5 });
    expect(titles((await setFavourites(u, [d, b, a])).body.favourites)).toEqual(['Four', 'Two', 'One']);
    expect(titles((await view(null, u)).body.favourites)).toEqual(['Four', 'Two', 'One']);
    expect((await setFavourites(u, [])).body.favourites).toEqual([]);
  });

  it.each<[string, number, (ids: string[]) => unknown]>([
    ['five ids', 400, (ids) => [...ids, ids[0]]],
    ['a duplicate', 400, (ids) => [ids[0], ids[0]]],
    ['an id that is not a number', 400, () => ['abc']],
    ['a number instead of a string', 400, () => [1]],
    ['an unknown album', 404, (ids) => [ids[0], '999999999']],
  ])('when the list has %s, then it answers %i and the favourites stay as they were', async (_label, status, make) => {
    const u = await registerUser(app);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await makeAlbum(knex(), { title: `Fav ${i}` })).id);
    await setFavourites(u, [ids[2], ids[3]]);
    const res = await setFavourites(u, make(ids));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(titles((await view(null, u)).body.favourites)).toEqual(['Fav 2', 'Fav 3']);
  });

  it('when favourites change, then a favourited activity is stored only for newly added albums', async () => {
    const u = await registerUser(app);
    const [x, y, z] = [await makeAlbum(knex()), await makeAlbum(knex()), await makeAlbum(knex())];
    await setFavourites(u, [x.id, y.id]);
    await setFavourites(u, [y.id, z.id, x.id]);
    const activities = await app.container.docs.activity.listByActor(u.session.user.id, { limit: 20 });
    const subjects = activities
      .filter((a) => a.type === 'favourited')
      .map((a) => a.subject?.id)
      .sort();
    expect(subjects).toEqual([x.id, y.id, z.id].sort());
  });

  it('when two saves race, then the stored favourites are exactly one of the two lists', async () => {
    const u = await registerUser(app);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await makeAlbum(knex(), { title: `Race ${i}` })).id);
    await Promise.all([setFavourites(u, [ids[0], ids[1]]), setFavourites(u, [ids[1], ids[2], ids[3]])]);
    const stored = titles((await view(null, u)).body.favourites);
    expect([
      ['Race 0', 'Race 1'],
      ['Race 1', 'Race 2', 'Race 3'],
    ]).toContainEqual(stored);
  });
});
