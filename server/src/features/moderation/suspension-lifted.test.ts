import type { Notification, NotificationPreferences } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp({ env: { ADMIN_HANDLES: 'mod_boss' } });

const knex = () => app.container.knex;

let admin: Awaited<ReturnType<typeof registerUser>> | undefined;
async function theAdmin() {
  admin ??= await registerUser(app, { handle: 'mod_boss' });
  return admin;
}

/** Reports a fresh review by `author` and has the administrator suspend them for it. */
async function suspendThrough(author: TestClient, reporter: TestClient): Promise<void> {
  const album = await makeAlbum(knex());
  const review = await author.post(`/api/albums/${album.id}/reviews`, { body: 'Utterly overrated, and here is why' });
  expect(review.status).toBe(201);
  const filed = await reporter.post('/api/reports', { targetType: 'review', targetId: review.body.id, reason: 'Abusive' });
  expect(filed.status).toBe(201);
  expect((await (await theAdmin()).client.post(`/api/admin/reports/${filed.body.id}/resolve`, { action: 'suspend_author' })).status).toBe(200);
}

/** A registered author suspended through a report, with their reporter. */
async function suspendedAuthor() {
  const author = await registerUser(app);
  const reporter = await registerUser(app);
  await suspendThrough(author.client, reporter.client);
  return { ...author, id: String(author.session.user.id), reporter };
}

const lift = async (userId: string) => (await theAdmin()).client.post(`/api/admin/users/${userId}/unsuspend`);

async function signIn(input: { handle: string; password: string }): Promise<TestClient> {
  const client = app.client();
  expect((await client.post('/api/auth/login', { identifier: input.handle, password: input.password })).status).toBe(200);
  return client;
}

async function liftedNotices(client: TestClient): Promise<Notification[]> {
  const res = await client.get('/api/notifications?limit=100').expect(200);
  return (res.body.items as Notification[]).filter((n) => n.type === 'suspension_lifted');
}

const storedNotices = (userId?: string) => {
  const q = knex()('notifications').where({ type: 'suspension_lifted' });
  return userId ? q.where({ user_id: userId }) : q;
};

describe('the suspension_lifted notification', () => {
  it('when a suspension is lifted, then the user finds the notice after signing in again, unread', async () => {
    const author = await suspendedAuthor();
    expect((await lift(author.id)).status).toBe(204);
    const client = await signIn(author.input);
    const notices = await liftedNotices(client);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: 'Your account is active again.', readAt: null, link: null });
    expect(notices[0]!.body).toMatch(/lifted the suspension/);
    expect((await client.get('/api/notifications/unread-count').expect(200)).body.unread).toBeGreaterThanOrEqual(1);
  });

  it('when a suspension is lifted, then nobody else gets the notice: not the reporter, the administrator or a bystander', async () => {
    const author = await suspendedAuthor();
    const bystander = await registerUser(app);
    expect((await lift(author.id)).status).toBe(204);
    expect(await liftedNotices(author.reporter.client)).toEqual([]);
    expect(await liftedNotices((await theAdmin()).client)).toEqual([]);
    expect(await liftedNotices(bystander.client)).toEqual([]);
    const others = [author.reporter.session.user.id, bystander.session.user.id, (await theAdmin()).session.user.id];
    expect(await storedNotices().whereIn('user_id', others)).toEqual([]);
    expect(await storedNotices(author.id)).toHaveLength(1);
  });

  it('when the lift is repeated (409) or two administrators lift at once, then only one notice is sent', async () => {
    const author = await suspendedAuthor();
    expect((await lift(author.id)).status).toBe(204);
    const again = await lift(author.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not_suspended');
    expect(await storedNotices(author.id)).toHaveLength(1);

    const raced = await suspendedAuthor();
    const answers = await Promise.all([lift(raced.id), lift(raced.id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([204, 409]);
    expect(await storedNotices(raced.id)).toHaveLength(1);
  });

  it('when a lifted account is suspended and lifted again, then each lift is announced', async () => {
    const author = await suspendedAuthor();
    expect((await lift(author.id)).status).toBe(204);
    const back = await signIn(author.input);
    await suspendThrough(back, author.reporter.client);
    expect((await lift(author.id)).status).toBe(204);
    expect(await liftedNotices(await signIn(author.input))).toHaveLength(2);
  });

  it('when lifting fails (unknown account, not suspended), then no notice is stored', async () => {
    const free = await registerUser(app);
    expect((await lift(String(free.session.user.id))).status).toBe(409);
    expect((await lift('999999999')).status).toBe(404);
    expect(await storedNotices(String(free.session.user.id))).toEqual([]);
  });
});

describe('switching the suspension_lifted notification off', () => {
  it('when a user asks to switch it off, then it answers 400 not_configurable and it shows as always on', async () => {
    const { client, session } = await registerUser(app);
    const res = await client.send('put', '/api/me/notification-preferences', { preferences: [{ type: 'suspension_lifted', enabled: false }] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.code).toBe('not_configurable');
    expect(await knex()('notification_preferences').where({ user_id: session.user.id })).toEqual([]);
    const prefs = (await client.get('/api/me/notification-preferences').expect(200)).body as NotificationPreferences;
    expect(prefs.preferences.find((p) => p.type === 'suspension_lifted')).toEqual({ type: 'suspension_lifted', enabled: true, configurable: false });
  });

  it('when a stored choice says off anyway, then the notice still arrives', async () => {
    const author = await suspendedAuthor();
    await knex()('notification_preferences').insert({ user_id: author.id, type: 'suspension_lifted', enabled: false });
    expect((await lift(author.id)).status).toBe(204);
    expect(await liftedNotices(await signIn(author.input))).toHaveLength(1);
  });
});
