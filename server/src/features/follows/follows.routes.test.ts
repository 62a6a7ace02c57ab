import { useTestApp, type TestClient } from '../../testing/test-app';
import { registerUser } from '../../testing/factories';

const app = useTestApp();

const knex = () => app.container.knex;
type User = Awaited<ReturnType<typeof registerUser>>;
const handleOf = (u: User) => u.input.handle;
const idOf = (u: User) => u.session.user.id;
const follow = (from: User, to: User) => from.client.send('put', `/api/users/${handleOf(to)}/follow`);
const unfollow = (from: User, to: User) => from.client.delete(`/api/users/${handleOf(to)}/follow`);
const makePrivate = (u: User) => u.client.send('patch', '/api/me/privacy', { isPrivate: true });

async function counts(u: User) {
  const row = await knex()('users')
    .where({ id: idOf(u) })
    .first('follower_count', 'following_count');
  return { followers: row.follower_count as number, following: row.following_count as number };
}

async function walk(client: TestClient, path: string, limit: number): Promise<string[]> {
  const handles: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: { user: { handle: string } }[]; nextCursor: string | null } } = await client.get(
      `${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    handles.push(...res.body.items.map((i) => i.user.handle));
    cursor = res.body.nextCursor;
  } while (cursor);
  return handles;
}

describe('PUT /api/users/:handle/follow', () => {
  it('when following a public profile, then it follows at once and the counts move', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const res = await follow(a, b);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'following', followerCount: 1 });
    expect(await counts(a)).toEqual({ followers: 0, following: 1 });
    expect(await counts(b)).toEqual({ followers: 1, following: 0 });
  });

  it('when following twice, then the second answer is the same and there is one row', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    await follow(a, b);
    const again = await follow(a, b);
    expect(again.body).toEqual({ status: 'following', followerCount: 1 });
    expect(await knex()('follows').where({ follower_id: idOf(a), followee_id: idOf(b) })).toHaveLength(1);
  });

  it('when following yourself, then it answers 400 cannot_follow_self and stores nothing', async () => {
    const a = await registerUser(app);
    const res = await a.client.send('put', `/api/users/${handleOf(a).toUpperCase()}/follow`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.code).toBe('cannot_follow_self');
    expect(await counts(a)).toEqual({ followers: 0, following: 0 });
  });

  it('when the other user blocked you, or you blocked them, then it answers 403 blocked', async () => {
    const [a, b, c] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    await b.client.send('put', `/api/users/${handleOf(a)}/block`);
    await a.client.send('put', `/api/users/${handleOf(c)}/block`);
    for (const res of [await follow(a, b), await follow(a, c), await follow(c, a)]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('blocked');
    }
    expect(await knex()('follows').whereIn('follower_id', [idOf(a), idOf(c)])).toEqual([]);
  });

  it('when the handle is unknown or malformed, or the caller is signed out, then it answers 404, 400 and 401', async () => {
    const a = await registerUser(app);
    expect((await a.client.send('put', '/api/users/nobody_by_that_name/follow')).status).toBe(404);
    expect((await a.client.send('put', '/api/users/bad%20handle!/follow')).status).toBe(400);
    expect((await a.client.send('put', `/api/users/${'x'.repeat(31)}/follow`)).status).toBe(400);
    expect((await app.client().send('put', `/api/users/${handleOf(a)}/follow`)).status).toBe(401);
  });

  it('when unfollowing, then the follow ends, counts drop and repeating is harmless', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    await follow(a, b);
    expect((await unfollow(a, b)).body).toEqual({ status: 'none', followerCount: 0 });
    expect((await unfollow(a, b)).body).toEqual({ status: 'none', followerCount: 0 });
    expect(await counts(a)).toEqual({ followers: 0, following: 0 });
  });

  it('when many users follow and unfollow one user at once, then the stored counts equal the rows', async () => {
    const star = await registerUser(app);
    const fans: User[] = [];
    for (let i = 0; i < 10; i++) fans.push(await registerUser(app));
    await Promise.all(fans.flatMap((f) => [follow(f, star), follow(f, star), follow(star, f)]));
    await Promise.all(fans.slice(0, 4).flatMap((f) => [unfollow(f, star), follow(f, star).then(() => unfollow(f, star))]));
    const rows = await knex()('follows').where({ followee_id: idOf(star) });
    expect(rows).toHaveLength(6);
    expect(await counts(star)).toEqual({ followers: 6, following: 10 });
    for (const f of fans) expect((await counts(f)).followers).toBe(1);
  });
});

describe('follow requests', () => {
  it('when following a private profile, then it is a request until approved, and approving makes a follow', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    await makePrivate(b);
    expect((await follow(a, b)).body).toEqual({ status: 'requested', followerCount: 0 });
    expect((await follow(a, b)).body).toEqual({ status: 'requested', followerCount: 0 });
    const pending = await b.client.get('/api/me/follow-requests').expect(200);
    expect(pending.body.items.map((i: { user: { handle: string } }) => i.user.handle)).toEqual([handleOf(a)]);
    expect((await a.client.get(`/api/users/${handleOf(b)}`)).body.relationship).toMatchObject({ following: false, requested: true });

    expect((await b.client.post(`/api/me/follow-requests/${handleOf(a)}/approve`)).status).toBe(204);
    expect((await b.client.get('/api/me/follow-requests')).body.items).toEqual([]);
    expect(await counts(b)).toEqual({ followers: 1, following: 0 });
    expect((await follow(a, b)).body).toEqual({ status: 'following', followerCount: 1 });
    expect((await b.client.post(`/api/me/follow-requests/${handleOf(a)}/approve`)).status).toBe(404);
  });

  it('when a request is denied or withdrawn, then nobody follows and a second deny answers 404', async () => {
    const [a, b, c] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    await makePrivate(b);
    await follow(a, b);
    await follow(c, b);
    expect((await b.client.post(`/api/me/follow-requests/${handleOf(a)}/deny`)).status).toBe(204);
    expect((await b.client.post(`/api/me/follow-requests/${handleOf(a)}/deny`)).status).toBe(404);
    expect((await unfollow(c, b)).body.status).toBe('none');
    expect(await knex()('follow_requests').where({ target_id: idOf(b) })).toEqual([]);
    expect(await counts(b)).toEqual({ followers: 0, following: 0 });
  });

  it('when someone approves a request that was made to another user, then it answers 404', async () => {
    const [a, b, c] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    await makePrivate(b);
    await follow(a, b);
    expect((await c.client.post(`/api/me/follow-requests/${handleOf(a)}/approve`)).status).toBe(404);
    expect(await knex()('follows').where({ follower_id: idOf(a) })).toEqual([]);
  });

  it('when a private profile turns public, then its pending requests become follows', async () => {
    const [a, b, c] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    await makePrivate(c);
    await follow(a, c);
    await follow(b, c);
    const res = await c.client.send('patch', '/api/me/privacy', { isPrivate: false });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ isPrivate: false, followerCount: 2 });
    expect(await knex()('follow_requests').where({ target_id: idOf(c) })).toEqual([]);
  });
  it('when a profile turns public while follow requests arrive, then every one of them ends as a follow', async () => {
    const owner = await registerUser(app);
    const fans: User[] = [];
    for (let i = 0; i < 6; i++) fans.push(await registerUser(app));
    await makePrivate(owner);
    await follow(fans[0]!, owner);
    await Promise.all([...fans.slice(1).map((f) => follow(f, owner)), owner.client.send('patch', '/api/me/privacy', { isPrivate: false })]);
    expect(await knex()('follow_requests').where({ target_id: idOf(owner) })).toEqual([]);
    expect(await knex()('follows').where({ followee_id: idOf(owner) })).toHaveLength(6);
    expect(await counts(owner)).toEqual({ followers: 6, following: 0 });
  });
});

describe('followers and following lists', () => {
  it('when listed page by page, then every follower appears once, newest first, with whether the viewer follows them', async () => {
    const star = await registerUser(app);
    const fans: User[] = [];
    for (let i = 0; i < 7; i++) {
      fans.push(await registerUser(app));
      await follow(fans[i]!, star);
    }
    const viewer = fans[0]!;
    await follow(viewer, fans[3]!);
    expect(await walk(viewer.client, `/api/users/${handleOf(star)}/followers`, 3)).toEqual(fans.map(handleOf).reverse());
    const first = await viewer.client.get(`/api/users/${handleOf(star)}/followers?limit=100`).expect(200);
    const flags = Object.fromEntries(first.body.items.map((i: { user: { handle: string }; viewerFollows: boolean }) => [i.user.handle, i.viewerFollows]));
    expect(flags[handleOf(fans[3]!)]).toBe(true);
    expect(flags[handleOf(fans[4]!)]).toBe(false);
    expect(await walk(viewer.client, `/api/users/${handleOf(viewer)}/following`, 1)).toEqual([handleOf(fans[3]!), handleOf(star)]);
  });

  it('when a profile is private, then a stranger gets 403 profile_private and a follower and the owner get the list', async () => {
    const [owner, follower, stranger] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    await follow(follower, owner);
    await makePrivate(owner);
    const path = `/api/users/${handleOf(owner)}/followers`;
    const denied = await stranger.client.get(path);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('profile_private');
    expect((await app.client().get(`/api/users/${handleOf(owner)}/following`)).status).toBe(403);
    expect((await follower.client.get(path)).body.items.map((i: { user: { handle: string } }) => i.user.handle)).toEqual([handleOf(follower)]);
    expect((await owner.client.get(path)).body.items).toHaveLength(1);
  });

  it.each([['limit=0'], ['limit=101'], ['limit=abc'], ['cursor=not-a-cursor'], ['cursor=WyJibG9ja3MiLCIyMDI2LTAxLTAxIDAwOjAwOjAwLjAwMDAwMCIsIjEiXQ']])(
    'when the query is %s, then it answers 400',
    async (query) => {
      const a = await registerUser(app);
      const res = await a.client.get(`/api/users/${handleOf(a)}/followers?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    },
  );

  it('when the user is unknown, then it answers 404', async () => {
    expect((await app.client().get('/api/users/no_such_user_here/followers')).status).toBe(404);
  });
});
