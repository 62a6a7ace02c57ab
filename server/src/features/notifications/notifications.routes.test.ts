import { useTestApp } from '../../testing/test-app';
import { registerUser } from '../../testing/factories';

const app = useTestApp();

async function seed(userId: string, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await app.container.services.notifications.create({ userId, type: 'welcome', title: `Note ${i}`, body: `Body ${i}` });
    ids.push(String(row!.id));
  }
  return ids;
}

describe('GET /api/notifications', () => {
  it('when there are more than a page, then cursors walk every notification once, newest first', async () => {
    const { client, session } = await registerUser(app);
    const ids = await seed(session.user.id, 7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await client
        .get(`/api/notifications?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((n: { id: string }) => n.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('when listing, then only the caller’s own notifications appear', async () => {
    const a = await registerUser(app);
    const b = await registerUser(app);
    await seed(b.session.user.id, 2);
    const res = await a.client.get('/api/notifications').expect(200);
    expect(res.body.items).toEqual([]);
  });

  it.each([['limit=0'], ['limit=101'], ['limit=abc'], ['limit=4.5'], ['cursor=not-a-cursor']])('when the query is %s, then it answers 400', async (query) => {
    const { client } = await registerUser(app);
    const res = await client.get(`/api/notifications?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('when signed out, then it answers 401', async () => {
    expect((await app.client().get('/api/notifications')).status).toBe(401);
  });
});

describe('reading notifications', () => {
  it('when one is marked read, then the unread count drops and marking again is harmless', async () => {
    const { client, session } = await registerUser(app);
    const [first] = await seed(session.user.id, 3);
    expect((await client.get('/api/notifications/unread-count')).body).toEqual({ unread: 3 });
    expect((await client.post(`/api/notifications/${first}/read`)).body).toEqual({ unread: 2 });
    expect((await client.post(`/api/notifications/${first}/read`)).body).toEqual({ unread: 2 });
    const list = await client.get('/api/notifications').expect(200);
    expect(list.body.items.find((n: { id: string }) => n.id === first).readAt).not.toBeNull();
  });

  it('when marking another user’s notification, then it answers 404 and leaves it unread', async () => {
    const a = await registerUser(app);
    const b = await registerUser(app);
    const [theirs] = await seed(b.session.user.id, 1);
    const res = await a.client.post(`/api/notifications/${theirs}/read`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect((await b.client.get('/api/notifications/unread-count')).body).toEqual({ unread: 1 });
  });

  it.each([['abc'], ['0'], ['-1'], ['99999999999999999999']])('when the id is %s, then it answers 400', async (id) => {
    const { client } = await registerUser(app);
    expect((await client.post(`/api/notifications/${id}/read`)).status).toBe(400);
  });

  it('when marking all read, then the count is zero', async () => {
    const { client, session } = await registerUser(app);
    await seed(session.user.id, 4);
    expect((await client.post('/api/notifications/read-all')).body).toEqual({ unread: 0 });
    expect((await client.get('/api/notifications/unread-count')).body).toEqual({ unread: 0 });
  });

  it('when the same dedupe key is used twice, then only one notification exists', async () => {
    const { session } = await registerUser(app);
    const n = { userId: session.user.id, type: 'welcome' as const, title: 'x', body: 'y', dedupeKey: 'once' };
    const [a, b] = await Promise.all([app.container.services.notifications.create(n), app.container.services.notifications.create(n)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
  });
});
