import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { CSRF_HEADER, userRoom } from '@muse/shared';
import { openSocket } from '../features/notifications/notification-sockets.testing';
import { startApi, type RunningApi } from '../roles/api-role';
import { startTestRedisServer, type TestRedisServer } from '../testing/redis-process';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app';
import { waitFor } from '../testing/wait-for';
import { registerPerson } from '../testing/factories';

// Generous bound for "fails fast": a request must answer well before it, never hang for it.
const ANSWER_WITHIN_MS = 8_000;

let redis: TestRedisServer;
let app: TestApp;
let otherNode: RunningApi;
const sockets: Socket[] = [];

beforeAll(async () => {
  redis = await startTestRedisServer();
  app = await createTestApp({ redisUrl: redis.url, worker: true });
  otherNode = await startApi(app.container, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  while (sockets.length) sockets.pop()!.disconnect();
  // A failed test may have left Redis stopped; closing needs it.
  await redis.start();
  await otherNode.stop();
  await app.close();
  await redis.stop();
});

/** Resolves with the first `event` payload that `matches`, or rejects after timeoutMs. */
function nextMatching<T>(socket: Socket, event: string, matches: (payload: T) => boolean, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching ${event} within ${timeoutMs} ms`)), timeoutMs).unref();
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

async function readiness(): Promise<{ status: number; detail?: string }> {
  const res = await request(app.url).get('/readyz').timeout(ANSWER_WITHIN_MS);
  return { status: res.status, detail: res.body.detail };
}

async function signIn(handle: string): Promise<TestClient> {
  const client = app.client();
  const res = await client.post('/api/auth/login', { identifier: handle, password: 'correct horse battery staple' });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

describe('when Redis goes away and comes back empty', () => {
  it('then requests answer 503 at once while it is gone, /readyz names the stalled consumer, and live notifications resume afterwards', async () => {
    const ana = await registerPerson(app);
    const bob = await registerPerson(app);
    const socket = openSocket(app, ana.client);
    sockets.push(socket);
    await nextMatching(socket, 'connect', () => true);
    const onOtherNode = openSocket({ ...app, url: otherNode.url }, ana.client);
    sockets.push(onOtherNode);
    await nextMatching(onOtherNode, 'connect', () => true);
    expect(await readiness()).toEqual({ status: 200, detail: undefined });

    await redis.stop();

    const read = await ana.client.get('/api/me').timeout(ANSWER_WITHIN_MS);
    expect(read.status).toBe(503);
    expect(read.headers['content-type']).toMatch(/problem\+json/);
    expect(read.body).toMatchObject({ status: 503, code: 'service_unavailable', type: '/problems/service_unavailable' });
    expect(Number(read.headers['retry-after'])).toBeGreaterThan(0);
    const write = await bob.client.agent.put(`/api/users/${ana.handle}/follow`).set(CSRF_HEADER, bob.client.csrfToken!).timeout(ANSWER_WITHIN_MS);
    expect(write.status).toBe(503);
    expect(write.body.code).toBe('service_unavailable');

    const stalled = await waitFor('/readyz to name the domain-event consumer', async () => {
      const r = await readiness();
      return r.status === 503 && r.detail?.includes('domain-events') ? r : undefined;
    });
    expect(stalled.detail).toMatch(/redis/);

    await redis.start();
    await waitFor('/readyz to be ready again', async () => (await readiness()).status === 200);

    // Sessions went with Redis's data; people sign in again and carry on.
    const bobAgain = await signIn(bob.handle);
    const followed = nextMatching<{ notification: { type: string } }>(socket, 'notification:new', (p) => p.notification.type === 'new_follower');
    const follow = await bobAgain.send('put', `/api/users/${ana.handle}/follow`);
    expect(follow.status).toBe(200);
    await followed;

    // The Socket.IO adapter carries an emit made on one node to a socket held by the other.
    const relayed = nextMatching<{ unread: number }>(onOtherNode, 'notification:unread', (p) => p.unread === 4242);
    app.api.io.to(userRoom(ana.id)).emit('notification:unread', { unread: 4242 });
    await relayed;
  });
});
