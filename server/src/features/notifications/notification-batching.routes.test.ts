import { useTestApp, type TestClient } from '../../testing/test-app';
import { drainNotificationJobs, nextEvent, openSocket, type MuseClientSocket } from './notification-sockets.testing';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp({ worker: true });

const sockets: MuseClientSocket[] = [];
afterEach(() => {
  while (sockets.length) sockets.pop()!.disconnect();
});

interface Note {
  id: string;
  type: string;
  title: string;
  count: number;
  seq: string;
  actors: { id: string; displayName: string }[];
  readAt: string | null;
}

async function reviewBy(client: TestClient, title = 'Blue Lines') {
  const album = await makeAlbum(app.container.knex, { title });
  const res = await client.post(`/api/albums/${album.id}/reviews`, { body: 'Worth a long talk' });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function notes(client: TestClient, type?: string): Promise<Note[]> {
  await drainNotificationJobs(app);
  const res = await client.get('/api/notifications?limit=100').expect(200);
  return (res.body.items as Note[]).filter((n) => !type || n.type === type);
}

async function like(client: TestClient, reviewId: string) {
  expect((await client.send('put', `/api/reviews/${reviewId}/like`)).status).toBe(200);
  await drainNotificationJobs(app);
}

async function comment(client: TestClient, reviewId: string, body = 'Agreed!') {
  expect((await client.post(`/api/reviews/${reviewId}/comments`, { body })).status).toBe(201);
  await drainNotificationJobs(app);
}

describe('batching likes', () => {
  it('when four people like a review, then the author has one notification "<latest> and 3 others liked your review", count 4, newest actors first', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client, 'Mezzanine');
    const fans = [];
    for (const name of ['Ana', 'Ben', 'Cy', 'Dee']) fans.push(await registerUser(app, { displayName: name }));
    for (const fan of fans) await like(fan.client, review.id);

    const liked = await notes(author.client, 'review_liked');
    expect(liked).toHaveLength(1);
    expect(liked[0]!.title).toBe('Dee and 3 others liked your review of Mezzanine');
    expect(liked[0]!.count).toBe(4);
    expect(liked[0]!.actors.map((a) => a.displayName)).toEqual(['Dee', 'Cy', 'Ben']);
    expect((await author.client.get('/api/notifications/unread-count')).body).toEqual({ unread: 2 });
  });

  it('when a like joins a batch, then the notification moves to the top keeping its id, and pages still list each once', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    const [ana, ben, cy] = [
      await registerUser(app, { displayName: 'Ana' }),
      await registerUser(app, { displayName: 'Ben' }),
      await registerUser(app, { displayName: 'Cy' }),
    ];
    await like(ana.client, review.id);
    const first = (await notes(author.client, 'review_liked'))[0]!;
    await comment(cy.client, review.id);
    expect((await notes(author.client))[0]!.type).toBe('review_commented');

    await like(ben.client, review.id);
    const all = await notes(author.client);
    expect(all[0]).toMatchObject({ id: first.id, type: 'review_liked', title: expect.stringMatching(/^Ben and Ana liked/), count: 2 });
    expect(BigInt(all[0]!.seq)).toBeGreaterThan(BigInt(first.seq));

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Note[]; nextCursor: string | null } } = await author.client
        .get(`/api/notifications?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      walked.push(...res.body.items.map((n) => n.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.map((n) => n.id));
  });

  it('when the batched notification was read, then the next like starts a new one', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    await like((await registerUser(app, { displayName: 'Ana' })).client, review.id);
    const [first] = await notes(author.client, 'review_liked');
    expect((await author.client.post(`/api/notifications/${first!.id}/read`)).status).toBe(200);
    await like((await registerUser(app, { displayName: 'Ben' })).client, review.id);
    const liked = await notes(author.client, 'review_liked');
    expect(liked.map((n) => [n.title, n.count])).toEqual([
      [expect.stringMatching(/^Ben liked/), 1],
      [expect.stringMatching(/^Ana liked/), 1],
    ]);
  });

  it('when like→unlike→like repeats inside a batch, then the liker is counted once', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    const ana = await registerUser(app, { displayName: 'Ana' });
    await like((await registerUser(app, { displayName: 'Ben' })).client, review.id);
    await like(ana.client, review.id);
    await ana.client.delete(`/api/reviews/${review.id}/like`);
    await like(ana.client, review.id);
    const liked = await notes(author.client, 'review_liked');
    expect(liked.map((n) => [n.title, n.count])).toEqual([[expect.stringMatching(/^Ana and Ben liked/), 2]]);
  });

  it('when a batch grows while the author’s socket is open, then the same id is delivered again with the new title', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    const socket = openSocket(app, author.client);
    sockets.push(socket);
    await nextEvent(socket, 'connect');
    const firstLive = nextEvent<{ notification: Note; unread: number }>(socket, 'notification:new');
    await like((await registerUser(app, { displayName: 'Ana' })).client, review.id);
    const one = await firstLive;
    const secondLive = nextEvent<{ notification: Note; unread: number }>(socket, 'notification:new');
    await like((await registerUser(app, { displayName: 'Ben' })).client, review.id);
    const two = await secondLive;
    expect(two.notification.id).toBe(one.notification.id);
    expect(two.notification.title).toMatch(/^Ben and Ana liked/);
    expect(two.unread).toBe(one.unread);
  });
});

describe('thread replies', () => {
  it('when someone comments, then earlier commenters get thread_reply, the author review_commented, the commenter nothing', async () => {
    const author = await registerUser(app, { displayName: 'Author' });
    const [p1, p2, x] = [
      await registerUser(app, { displayName: 'Pia' }),
      await registerUser(app, { displayName: 'Pat' }),
      await registerUser(app, { displayName: 'Xan' }),
    ];
    const review = await reviewBy(author.client, 'Dummy');
    await comment(p1.client, review.id);
    await comment(p2.client, review.id);
    await comment(p1.client, review.id, 'Me again');
    await comment(x.client, review.id);

    const authorNotes = await notes(author.client);
    const p1Notes = await notes(p1.client);
    const p2Notes = await notes(p2.client);
    const xNotes = await notes(x.client);
    expect(authorNotes.filter((n) => n.type === 'thread_reply')).toEqual([]);
    expect(authorNotes.filter((n) => n.type === 'review_commented').map((n) => [n.title, n.count])).toEqual([
      ['Xan and 2 others commented on your review of Dummy', 4],
    ]);
    expect(p1Notes.filter((n) => n.type === 'thread_reply').map((n) => [n.title, n.count])).toEqual([['Xan and Pat replied on Author’s review of Dummy', 2]]);
    expect(p2Notes.filter((n) => n.type === 'thread_reply').map((n) => [n.title, n.count])).toEqual([['Xan and Pia replied on Author’s review of Dummy', 2]]);
    expect(xNotes.filter((n) => n.type.startsWith('review_') || n.type === 'thread_reply')).toEqual([]);
  });

  it('when the author replies in their own thread, then commenters get thread_reply and the author nothing', async () => {
    const author = await registerUser(app, { displayName: 'Auth' });
    const p1 = await registerUser(app, { displayName: 'Pia' });
    const review = await reviewBy(author.client, 'Maxinquaye');
    await comment(p1.client, review.id);
    await comment(author.client, review.id, 'Thanks!');
    expect((await notes(p1.client, 'thread_reply')).map((n) => n.title)).toEqual(['Auth replied on their review of Maxinquaye']);
    expect(await notes(author.client, 'thread_reply')).toEqual([]);
  });

  it('when an earlier commenter blocked the new commenter, or switched thread replies off, then they are not told', async () => {
    const author = await registerUser(app);
    const [blocker, quiet, x] = [await registerUser(app), await registerUser(app), await registerUser(app, { displayName: 'Xan' })];
    const review = await reviewBy(author.client);
    await comment(blocker.client, review.id);
    await comment(quiet.client, review.id);
    await app.container.knex('blocks').insert({ blocker_id: blocker.session.user.id, blocked_id: x.session.user.id });
    expect((await quiet.client.send('put', '/api/me/notification-preferences', { preferences: [{ type: 'thread_reply', enabled: false }] })).status).toBe(200);
    await comment(x.client, review.id);
    // The blocker did hear of the quiet user's comment, so the rule is about the blocked commenter only.
    const blockerReplies = await notes(blocker.client, 'thread_reply');
    expect(blockerReplies.map((n) => n.actors.map((a) => a.id))).toEqual([[quiet.session.user.id]]);
    expect(await notes(quiet.client, 'thread_reply')).toEqual([]);
    expect((await notes(author.client, 'review_commented'))[0]!.title).toMatch(/^Xan and/);
  });
});
