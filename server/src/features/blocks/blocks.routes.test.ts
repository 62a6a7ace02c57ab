import { useTestApp } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp();

const knex = () => app.container.knex;
type User = Awaited<ReturnType<typeof registerUser>>;
const idOf = (u: User) => u.session.user.id;
const follow = (from: User, to: User) => from.client.send('put', `/api/users/${to.input.handle}/follow`);
const block = (from: User, to: User) => from.client.send('put', `/api/users/${to.input.handle}/block`);
const unblock = (from: User, to: User) => from.client.delete(`/api/users/${to.input.handle}/block`);

async function counts(u: User) {
  const row = await knex()('users')
    .where({ id: idOf(u) })
    .first('follower_count', 'following_count');
  return [row.follower_count, row.following_count];
}

async function reviewBy(u: User): Promise<string> {
  const album = await makeAlbum(knex());
  const res = await u.client.post(`/api/albums/${album.id}/reviews`, { body: 'Worth a listen' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('PUT /api/users/:handle/block', () => {
  it('when a user blocks someone they follow both ways, then both follows end and counts drop', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    await follow(a, b);
    await follow(b, a);
    const res = await block(a, b);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ blocking: true });
    expect(await knex()('follows').whereIn('follower_id', [idOf(a), idOf(b)])).toEqual([]);
    expect(await counts(a)).toEqual([0, 0]);
    expect(await counts(b)).toEqual([0, 0]);
    expect((await b.client.get(`/api/users/${a.input.handle}`)).body.relationship).toMatchObject({ blockedBy: true, following: false });
  });

  it('when a block meets pending requests in both directions, then both requests are gone', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    await a.client.send('patch', '/api/me/privacy', { isPrivate: true });
    await b.client.send('patch', '/api/me/privacy', { isPrivate: true });
    await follow(a, b);
    await follow(b, a);
    await block(b, a);
    expect(await knex()('follow_requests').whereIn('requester_id', [idOf(a), idOf(b)])).toEqual([]);
    expect((await a.client.send('patch', '/api/me/privacy', { isPrivate: false })).body.user.followerCount).toBe(0);
  });

  it('when blocking twice, then one block is stored; unblocking lifts it but the follows stay ended', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    await follow(b, a);
    await block(a, b);
    await block(a, b);
    expect(await knex()('blocks').where({ blocker_id: idOf(a) })).toHaveLength(1);
    expect((await unblock(a, b)).body).toEqual({ blocking: false });
    expect((await unblock(a, b)).body).toEqual({ blocking: false });
    expect(await knex()('blocks').where({ blocker_id: idOf(a) })).toEqual([]);
    expect(await knex()('follows').where({ follower_id: idOf(b) })).toEqual([]);
    expect((await follow(b, a)).body.status).toBe('following');
  });

  it('when blocking yourself or an unknown user, then it answers 400 cannot_block_self and 404', async () => {
    const a = await registerUser(app);
    const self = await block(a, a);
    expect(self.status).toBe(400);
    expect(self.body.code).toBe('cannot_block_self');
    expect((await a.client.send('put', '/api/users/nobody_here_at_all/block')).status).toBe(404);
    expect((await app.client().send('put', `/api/users/${a.input.handle}/block`)).status).toBe(401);
  });

  it('when follows and a block race, then no follow survives the block', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    await Promise.all([follow(b, a), block(a, b), follow(b, a), follow(a, b)]);
    expect(await knex()('follows').whereIn('follower_id', [idOf(a), idOf(b)])).toEqual([]);
    expect(await counts(a)).toEqual([0, 0]);
  });
});

describe('GET /api/me/blocks', () => {
  it('when a user blocked several people, then they are listed newest first and only to the blocker', async () => {
    const [a, b, c] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    await block(a, b);
    await block(a, c);
    const res = await a.client.get('/api/me/blocks?limit=1').expect(200);
    expect(res.body.items.map((i: { user: { handle: string } }) => i.user.handle)).toEqual([c.input.handle]);
    const next = await a.client.get(`/api/me/blocks?limit=1&cursor=${res.body.nextCursor}`).expect(200);
    expect(next.body.items.map((i: { user: { handle: string } }) => i.user.handle)).toEqual([b.input.handle]);
    expect(next.body.nextCursor).toBeNull();
    expect((await b.client.get('/api/me/blocks')).body.items).toEqual([]);
    expect((await app.client().get('/api/me/blocks')).status).toBe(401);
  });
});

describe('blocks on reviews', () => {
  it('when the review’s author blocked the reader, then liking and commenting answer 403 blocked and nothing is stored', async () => {
    const [author, reader] = [await registerUser(app), await registerUser(app)];
    const reviewId = await reviewBy(author);
    await block(author, reader);
    const like = await reader.client.send('put', `/api/reviews/${reviewId}/like`);
    expect(like.status).toBe(403);
    expect(like.body.code).toBe('blocked');
    const comment = await reader.client.post(`/api/reviews/${reviewId}/comments`, { body: 'hi' });
    expect(comment.status).toBe(403);
    expect(comment.body.code).toBe('blocked');
    expect(await knex()('review_likes').where({ review_id: reviewId })).toEqual([]);
    expect(await knex()('review_comments').where({ review_id: reviewId })).toEqual([]);
  });

  it('when the reader blocked the author, then they cannot like or comment either, and after unblocking they can', async () => {
    const [author, reader] = [await registerUser(app), await registerUser(app)];
    const reviewId = await reviewBy(author);
    await block(reader, author);
    expect((await reader.client.send('put', `/api/reviews/${reviewId}/like`)).status).toBe(403);
    expect((await reader.client.post(`/api/reviews/${reviewId}/comments`, { body: 'hi' })).status).toBe(403);
    await unblock(reader, author);
    expect((await reader.client.send('put', `/api/reviews/${reviewId}/like`)).body).toEqual({ liked: true, likeCount: 1 });
    expect((await reader.client.post(`/api/reviews/${reviewId}/comments`, { body: 'hi' })).status).toBe(201);
  });

  it('when a third user neither blocked nor blocked by the author comments, then a block elsewhere does not stop them', async () => {
    const [author, reader, other] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const reviewId = await reviewBy(author);
    await block(author, reader);
    expect((await other.client.post(`/api/reviews/${reviewId}/comments`, { body: 'nice' })).status).toBe(201);
    expect((await other.client.send('put', `/api/reviews/${reviewId}/like`)).status).toBe(200);
  });
});
