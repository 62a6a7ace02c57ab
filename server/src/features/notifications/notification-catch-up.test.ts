import type { Notification } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { dropRecoverably, nextEvent, openSocket, type MuseClientSocket } from './notification-sockets.testing';
import { registerUser } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';

const app = useTestApp();

const sockets: MuseClientSocket[] = [];
afterEach(() => {
  while (sockets.length) sockets.pop()!.disconnect();
});

const create = (userId: string, title: string) => app.container.services.notifications.create({ userId, type: 'welcome', title, body: '' });

/** A like by `name` that batches with other likes of review 1. */
function likeBy(userId: string, name: string) {
  const title = (who: string) => `${who} liked your review`;
  return app.container.services.notifications.create({
    userId,
    type: 'review_liked',
    title: title(name),
    body: '',
    batch: { subject: 'review:1', actor: { id: name, handle: name.toLowerCase(), displayName: name }, title },
  });
}

async function since(client: TestClient, seq: string, limit = 100): Promise<Notification[]> {
  const seen: Notification[] = [];
  let page: { items: Notification[]; nextCursor: string | null } = (await client.get(`/api/notifications?since=${seq}&limit=${limit}`).expect(200)).body;
  seen.push(...page.items);
  while (page.nextCursor) {
    page = (await client.get(`/api/notifications?cursor=${page.nextCursor}&limit=${limit}`).expect(200)).body;
    seen.push(...page.items);
  }
  return seen;
}

describe('GET /api/notifications?since=', () => {
  it('when notifications were created and a batch updated after the last seen seq, then exactly those come back, oldest change first', async () => {
    const me = await registerUser(app);
    const other = await registerUser(app);
    const userId = me.session.user.id;
    const liked = (await likeBy(userId, 'Ana'))!;
    await create(userId, 'seen');
    const seen = (await me.client.get('/api/notifications').expect(200)).body.items as Notification[];
    const lastSeq = seen
      .map((n) => BigInt(n.seq!))
      .reduce((a, b) => (a > b ? a : b))
      .toString();

    const missed = (await create(userId, 'missed'))!;
    await create(other.session.user.id, 'not mine');
    await likeBy(userId, 'Ben');

    const caughtUp = await since(me.client, lastSeq);
    expect(caughtUp.map((n) => [n.id, n.title])).toEqual([
      [String(missed.id), 'missed'],
      [String(liked.id), 'Ben and Ana liked your review'],
    ]);
    expect(await since(me.client, lastSeq, 1)).toEqual(caughtUp);
    expect(await since(me.client, caughtUp[caughtUp.length - 1]!.seq!)).toEqual([]);
  });

  it('when since is 0, then everything comes back once', async () => {
    const me = await registerUser(app);
    for (let i = 0; i < 5; i++) await create(me.session.user.id, `n${i}`);
    const all = await since(me.client, '0', 2);
    expect(all.map((n) => n.title)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
  });

  it.each([['since=-1'], ['since=abc'], ['since=1.5'], ['since=99999999999999999999'], ['since=1&cursor=bjox']])(
    'when the query is %s, then it answers 400',
    async (query) => {
      const { client } = await registerUser(app);
      const res = await client.get(`/api/notifications?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    },
  );
});

describe('catching up after a dropped connection', () => {
  it('when the transport drops and notifications go out meanwhile, then recovery delivers them once and since returns the same ones', async () => {
    const me = await registerUser(app);
    const userId = me.session.user.id;
    const socket = openSocket(app, me.client);
    // A second tab that stays connected: once it has an event, the adapter's stream holds it too.
    const witness = openSocket(app, me.client);
    sockets.push(socket, witness);
    await Promise.all([nextEvent(socket, 'connect'), nextEvent(witness, 'connect')]);
    const received: Notification[] = [];
    socket.on('notification:new', (p) => received.push(p.notification));
    let witnessed = 0;
    witness.on('notification:new', () => (witnessed += 1));

    // Recovery resumes from the last event the client received, so receive one first.
    const first = nextEvent(socket, 'notification:new');
    await likeBy(userId, 'Ana');
    await first;
    const lastSeq = received[0]!.seq!;

    await dropRecoverably(app, socket);
    const a = (await create(userId, 'while away 1'))!;
    const b = (await create(userId, 'while away 2'))!;
    await likeBy(userId, 'Ben');
    // Recovery replays what was emitted before the reconnect; an emit that lands while the server
    // re-checks the returning socket's session is not replayed (the web app reads \`since\` after
    // every reconnect for that), so the reconnect waits until all three have gone out.
    await waitFor('the three emits while away', () => witnessed >= 4, 10_000, 10);

    const back = nextEvent(socket, 'connect');
    socket.connect();
    await back;
    expect(socket.recovered).toBe(true);
    await waitFor('the missed notifications to replay', () => received.length >= 4, 10_000, 10);
    const replayed = received.slice(1);
    expect(replayed.map((n) => n.title)).toEqual(['while away 1', 'while away 2', 'Ben and Ana liked your review']);
    expect(replayed.map((n) => n.id)).toEqual([String(a.id), String(b.id), received[0]!.id]);

    const fetched = await since(me.client, lastSeq);
    expect(fetched.map((n) => [n.id, n.title])).toEqual(replayed.map((n) => [n.id, n.title]));
  });

  it('when a reconnect cannot be recovered, then since fills the gap and upserting by id shows each notification once', async () => {
    const me = await registerUser(app);
    const userId = me.session.user.id;
    await likeBy(userId, 'Ana');
    const shown = new Map<string, Notification>();
    for (const n of (await me.client.get('/api/notifications').expect(200)).body.items as Notification[]) shown.set(n.id, n);
    const lastSeq = [...shown.values()]
      .map((n) => n.seq!)
      .sort((x, y) => Number(BigInt(x) - BigInt(y)))
      .pop()!;

    // Offline: nothing is open while these happen.
    await create(userId, 'missed');
    await likeBy(userId, 'Ben');

    const socket = openSocket(app, me.client);
    sockets.push(socket);
    await nextEvent(socket, 'connect');
    expect(socket.recovered).toBe(false);
    for (const n of await since(me.client, lastSeq)) shown.set(n.id, n);
    expect([...shown.values()].map((n) => n.title).sort()).toEqual(['Ben and Ana liked your review', 'missed']);
  });
});
