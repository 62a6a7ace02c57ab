import { newFollowerNotificationJob } from './new-follower-notification.job';
import { useTestApp } from '../../testing/test-app';
import { registerUser } from '../../testing/factories';
import { jobsSettled } from '../../testing/jobs-settled';

const app = useTestApp({ worker: true });

type User = Awaited<ReturnType<typeof registerUser>>;
const follow = (from: User, to: User) => from.client.send('put', `/api/users/${to.input.handle}/follow`);
const unfollow = (from: User, to: User) => from.client.delete(`/api/users/${to.input.handle}/follow`);

async function notices(u: User, type: string) {
  await jobsSettled(app, ['notifications']);
  const res = await u.client.get('/api/notifications?limit=100').expect(200);
  return (res.body.items as { type: string; title: string; body: string; link: string }[]).filter((n) => n.type === type);
}

describe('follow notifications', () => {
  it('when someone follows, unfollows and follows again, then the followee hears of it once, with a link to the follower', async () => {
    const [a, b] = [await registerUser(app, { displayName: 'Ana 🎧' }), await registerUser(app)];
    await follow(a, b);
    await jobsSettled(app, ['notifications']);
    await unfollow(a, b);
    await follow(a, b);
    const got = await notices(b, 'new_follower');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ title: 'Ana 🎧 followed you', link: `/users/${a.input.handle}` });
    expect(await notices(a, 'new_follower')).toEqual([]);
  });

  it('when a follow is withdrawn before its job runs, then the job notifies nobody', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const { notifications, followNotices } = app.container.services;
    const run = newFollowerNotificationJob.createHandler({ notifications, followNotices });
    const ctx = { logger: app.container.logger, attempt: 1 };
    await app.container.knex('follows').insert({ follower_id: a.session.user.id, followee_id: b.session.user.id });
    await app.container.knex('follows').where({ follower_id: a.session.user.id }).delete();
    await run({ followerId: a.session.user.id, followeeId: b.session.user.id }, ctx);
    expect(await notices(b, 'new_follower')).toEqual([]);
  });

  it('when someone asks to follow a private profile and is approved, then the owner hears of the request and the requester of the approval', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app, { displayName: 'Bea' })];
    await b.client.send('patch', '/api/me/privacy', { isPrivate: true });
    await follow(a, b);
    expect(await notices(b, 'follow_request')).toHaveLength(1);
    expect(await notices(b, 'new_follower')).toEqual([]);
    await b.client.post(`/api/me/follow-requests/${a.input.handle}/approve`);
    const accepted = await notices(a, 'follow_accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ title: 'Bea accepted your follow request', link: `/users/${b.input.handle}` });
  });

  it('when a follow happens, then a followed activity is stored for the follower with the followee as subject', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    await follow(a, b);
    const activities = await app.container.docs.activity.listByActor(a.session.user.id, { limit: 10 });
    expect(activities.filter((x) => x.type === 'followed').map((x) => x.subject)).toEqual([{ kind: 'user', id: b.session.user.id }]);
  });
});
