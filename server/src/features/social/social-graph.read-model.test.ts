import { createTestApp, type TestApp } from '../../testing/test-app';
import { SocialGraphReadModel } from './social-graph.read-model';
import { registerUser } from '../../testing/factories';

let app: TestApp;
let graph: SocialGraphReadModel;
beforeAll(async () => {
  app = await createTestApp();
  graph = new SocialGraphReadModel(app.container.knex);
});
afterAll(async () => {
  await app.close();
});

describe('SocialGraphReadModel', () => {
  it('when users follow, request and block, then each reading reflects exactly the stored rows', async () => {
    const [a, b, c] = await Promise.all([registerUser(app), registerUser(app), registerUser(app)]).then((us) => us.map((u) => u.session.user.id));
    const k = app.container.knex;
    await k('follows').insert([
      { follower_id: a, followee_id: b },
      { follower_id: b, followee_id: a },
    ]);
    await k('follow_requests').insert({ requester_id: a, target_id: c });
    await k('blocks').insert({ blocker_id: c, blocked_id: b });

    expect(await graph.relationship(a!, b!)).toEqual({ following: true, followedBy: true, requested: false, blocking: false, blockedBy: false });
    expect(await graph.relationship(a!, c!)).toEqual({ following: false, followedBy: false, requested: true, blocking: false, blockedBy: false });
    expect(await graph.relationship(b!, c!)).toEqual({ following: false, followedBy: false, requested: false, blocking: false, blockedBy: true });
    expect(await graph.followeeIds(a!)).toEqual([b]);
    expect(await graph.followerIds(a!)).toEqual([b]);
    expect(await graph.isFollowing(a!, c!)).toBe(false);
    expect(await graph.blockedEitherWay(b!, c!)).toBe(true);
    expect(await graph.blockedEitherWay(c!, b!)).toBe(true);
    expect(await graph.blockedEitherWay(a!, c!)).toBe(false);
    expect(await graph.blockedIds(b!)).toEqual([c]);
    const counts: { follower_count: number; following_count: number }[] = await k('users')
      .whereIn('id', [a!, b!])
      .orderBy('id')
      .select('follower_count', 'following_count');
    expect(counts.map((r) => [r.follower_count, r.following_count])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('when someone follows themselves, then the database refuses it', async () => {
    const { session } = await registerUser(app);
    await expect(app.container.knex('follows').insert({ follower_id: session.user.id, followee_id: session.user.id })).rejects.toThrow(/check/);
  });
});
