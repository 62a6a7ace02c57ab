import { CONFIGURABLE_NOTIFICATION_TYPES, NotificationTypeSchema } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { nextEvent, openSocket, type MuseClientSocket } from './notification-sockets.testing';
import { registerUser } from '../../testing/factories';

const app = useTestApp();

const sockets: MuseClientSocket[] = [];
afterEach(() => {
  while (sockets.length) sockets.pop()!.disconnect();
});

const PATH = '/api/me/notification-preferences';

async function put(client: TestClient, body: unknown) {
  const res = await client.send('put', PATH, body);
  expect(res.status).toBe(200);
  return res;
}

describe('GET /api/me/notification-preferences', () => {
  it('when nothing was changed, then every type is listed and enabled, the account notices not configurable', async () => {
    const { client } = await registerUser(app);
    const res = await client.get(PATH).expect(200);
    expect(res.body.preferences.map((p: { type: string }) => p.type)).toEqual(NotificationTypeSchema.options);
    expect(res.body.preferences.every((p: { enabled: boolean }) => p.enabled)).toBe(true);
    const locked = res.body.preferences.filter((p: { configurable: boolean }) => !p.configurable).map((p: { type: string }) => p.type);
    expect(locked).toEqual(['welcome', 'suspension_lifted', 'provider_reconnect']);
  });

  it('when signed out, then it answers 401', async () => {
    expect((await app.client().get(PATH)).status).toBe(401);
  });
});

describe('PUT /api/me/notification-preferences', () => {
  it('when a type is switched off, then only that one changes, it stays off, and other users are untouched', async () => {
    const a = await registerUser(app);
    const b = await registerUser(app);
    const res = await a.client.send('put', PATH, { preferences: [{ type: 'review_liked', enabled: false }] });
    expect(res.status).toBe(200);
    const enabled = Object.fromEntries(res.body.preferences.map((p: { type: string; enabled: boolean }) => [p.type, p.enabled]));
    expect(enabled).toMatchObject({ review_liked: false, review_commented: true, thread_reply: true });
    expect((await a.client.get(PATH)).body).toEqual(res.body);
    expect((await b.client.get(PATH)).body.preferences.every((p: { enabled: boolean }) => p.enabled)).toBe(true);

    const back = await a.client.send('put', PATH, { preferences: [{ type: 'review_liked', enabled: true }] });
    expect(back.body.preferences.find((p: { type: string }) => p.type === 'review_liked').enabled).toBe(true);
  });

  it('when switching welcome off, then it answers 400 not_configurable and stores nothing', async () => {
    const { client, session } = await registerUser(app);
    const res = await client.send('put', PATH, {
      preferences: [
        { type: 'review_liked', enabled: false },
        { type: 'welcome', enabled: false },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('not_configurable');
    expect(res.body.errors[0].path).toBe('preferences.1.type');
    expect(await app.container.knex('notification_preferences').where({ user_id: session.user.id })).toEqual([]);
  });

  it.each([
    ['no list', {}],
    ['an empty list', { preferences: [] }],
    ['an unknown type', { preferences: [{ type: 'spam', enabled: false }] }],
    ['a string for enabled', { preferences: [{ type: 'review_liked', enabled: 'false' }] }],
    [
      'a type twice',
      {
        preferences: [
          { type: 'review_liked', enabled: false },
          { type: 'review_liked', enabled: true },
        ],
      },
    ],
    ['a list longer than there are types', { preferences: Array.from({ length: 200 }, () => ({ type: 'review_liked', enabled: false })) }],
  ])('when the body has %s, then it answers 400 problem+json', async (_label, body) => {
    const { client } = await registerUser(app);
    const res = await client.send('put', PATH, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((await client.get(PATH)).body.preferences.every((p: { enabled: boolean }) => p.enabled)).toBe(true);
  });

  it('when there is no CSRF header, then it answers 403 and stores nothing', async () => {
    const { client, session } = await registerUser(app);
    const res = await client.agent.put(PATH).send({ preferences: [{ type: 'review_liked', enabled: false }] });
    expect(res.status).toBe(403);
    expect(await app.container.knex('notification_preferences').where({ user_id: session.user.id })).toEqual([]);
  });
});

describe('preferences honoured', () => {
  it('when a type is off, then a notification of it is neither stored nor delivered, while others still arrive', async () => {
    const { client, session } = await registerUser(app);
    await put(client, { preferences: [{ type: 'review_liked', enabled: false }] });
    const socket = openSocket(app, client);
    sockets.push(socket);
    await nextEvent(socket, 'connect');
    const delivered: string[] = [];
    socket.on('notification:new', (p) => delivered.push(p.notification.type));
    const { notifications } = app.container.services;
    expect(await notifications.create({ userId: session.user.id, type: 'review_liked', title: 'Ana liked your review', body: '' })).toBeNull();
    // A later, enabled notification arriving proves the socket would have shown the first one.
    const arrived = nextEvent<{ notification: { type: string } }>(socket, 'notification:new');
    await notifications.create({ userId: session.user.id, type: 'review_commented', title: 'Ana commented', body: '' });
    expect((await arrived).notification.type).toBe('review_commented');
    expect(delivered).toEqual(['review_commented']);
    const list = await client.get('/api/notifications').expect(200);
    expect(list.body.items.map((n: { type: string }) => n.type)).toEqual(['review_commented']);
  });

  it('when a type is off, then its dedupe key is not used up: switched on again, the event notifies', async () => {
    const { client, session } = await registerUser(app);
    await put(client, { preferences: [{ type: 'new_follower', enabled: false }] });
    const n = { userId: session.user.id, type: 'new_follower' as const, title: 'Ana followed you', body: '', dedupeKey: 'new_follower:1' };
    expect(await app.container.services.notifications.create(n)).toBeNull();
    await put(client, { preferences: [{ type: 'new_follower', enabled: true }] });
    expect(await app.container.services.notifications.create(n)).not.toBeNull();
  });

  it('when welcome is created for a user who switched everything else off, then it still arrives', async () => {
    const { client, session } = await registerUser(app);
    const off = CONFIGURABLE_NOTIFICATION_TYPES.map((type) => ({ type, enabled: false }));
    await put(client, { preferences: off });
    expect(await app.container.services.notifications.create({ userId: session.user.id, type: 'welcome', title: 'Welcome to Muse', body: '' })).not.toBeNull();
  });
});
