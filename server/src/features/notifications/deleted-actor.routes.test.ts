import { useTestApp, type TestClient } from '../../testing/test-app';
import { drainNotificationJobs, nextEvent, openSocket } from './notification-sockets.testing';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp({ worker: true });

const PASSWORD = 'correct horse battery staple';

interface Note {
  id: string;
  type: string;
  title: string;
  count: number;
  seq: string;
  actors: { id: string; displayName: string }[];
}

async function notes(client: TestClient): Promise<Note[]> {
  await drainNotificationJobs(app);
  return (await client.get('/api/notifications?limit=100').expect(200)).body.items as Note[];
}

async function reviewBy(client: TestClient) {
  const album = await makeAlbum(app.container.knex, { title: 'Mezzanine' });
  const res = await client.post(`/api/albums/${album.id}/reviews`, { body: 'Worth a long talk' });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function deleteAccount(client: TestClient) {
  expect((await client.delete('/api/me', { password: PASSWORD })).status).toBe(204);
}

describe('notifications caused by a deleted account', () => {
  it('when the only person behind a notification deletes their account, then the notification is gone', async () => {
    const author = await registerUser(app);
    const ben = await registerUser(app, { displayName: 'Ben Listens' });
    const review = await reviewBy(author.client);
    expect((await ben.client.send('put', `/api/reviews/${review.id}/like`)).status).toBe(200);
    expect((await ben.client.send('put', `/api/users/${author.input.handle}/follow`)).status).toBe(200);
    expect((await notes(author.client)).map((n) => n.title)).toEqual([
      'Ben Listens followed you',
      'Ben Listens liked your review of Mezzanine',
      'Welcome to Muse',
    ]);

    // The author's open bell hears of it at once, with the count that is left.
    const socket = openSocket(app, author.client);
    try {
      await nextEvent(socket, 'connect');
      const changed = nextEvent<{ unread: number }>(socket, 'notification:changed');
      await deleteAccount(ben.client);
      expect(await changed).toEqual({ unread: 1 });
    } finally {
      socket.disconnect();
    }

    expect((await notes(author.client)).map((n) => n.title)).toEqual(['Welcome to Muse']);
    expect((await author.client.get('/api/notifications/unread-count')).body).toEqual({ unread: 1 });
  });

  it('when one of several people behind a batched notification deletes their account, then it names the others and counts them only, and catch-up sees the change', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    const fans = [];
    for (const name of ['Ana', 'Ben Listens', 'Cy']) fans.push(await registerUser(app, { displayName: name }));
    for (const fan of fans) expect((await fan.client.send('put', `/api/reviews/${review.id}/like`)).status).toBe(200);
    const before = (await notes(author.client)).find((n) => n.type === 'review_liked')!;
    expect(before.title).toBe('Cy and 2 others liked your review of Mezzanine');

    await deleteAccount(fans[1]!.client);

    const after = (await notes(author.client)).find((n) => n.type === 'review_liked')!;
    expect(after).toMatchObject({ id: before.id, title: 'Cy and Ana liked your review of Mezzanine' });
    expect(after.actors.map((a) => a.displayName)).toEqual(['Cy', 'Ana']);
    expect(after.count).toBe(2);
    const since = (await author.client.get(`/api/notifications?since=${before.seq}`).expect(200)).body.items as Note[];
    expect(since.map((n) => n.id)).toEqual([before.id]);
  });
});
