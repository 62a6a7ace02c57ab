import net from 'node:net';
import { Queue } from 'bullmq';
import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import { CSRF_HEADER, type Notification, type RatingStats } from '@muse/shared';
import { spawnMuse, type MuseProcess } from '../testing/spawn-muse';
import { createTestDatabase, createTestRedisPrefix } from '../testing/test-infra';
import { makeAlbum, newUserInput } from '../testing/factories';
import { startRoundRobinProxy, type RoundRobinProxy } from '../testing/round-robin-proxy';
import { waitFor } from '../testing/wait-for';

// Two api processes and two workers on one database and one Redis prefix, reached only through a
// round-robin proxy without sticky sessions, as a horizontally scaled deployment is.

/** Countable jobs: follows of this many accounts, each queueing one new-follower notification job. */
const FOLLOWS = 40;

const running: MuseProcess[] = [];
const sockets: Socket[] = [];
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let redis: ReturnType<typeof createTestRedisPrefix>;
let knex: Knex;
let proxy: RoundRobinProxy;
const workerMetrics: string[] = [];

/** A loopback port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(role: 'api' | 'worker', env: Record<string, string>): MuseProcess {
  const p = spawnMuse(role, env);
  running.push(p);
  return p;
}

const failWith = (p: MuseProcess) => (err: Error) => {
  throw new Error(`${err.message}; the process said:\n${p.output().slice(-3000)}`);
};

beforeAll(async () => {
  db = await createTestDatabase('scale');
  redis = createTestRedisPrefix('scale');
  knex = knexFactory({ client: 'pg', connection: db.url, pool: { min: 0, max: 2 } });
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    PORT: '0',
    HOST: '127.0.0.1',
    PROVIDER_SANDBOX: 'off',
    JOB_BACKOFF_MS: '100',
    // Every request comes from one address, and one user makes dozens of follows.
    API_RATE_IP_MAX: '1000000',
    WRITE_RATE_USER_MAX: '1000000',
    LOGIN_RATE_IP_MAX: '1000000',
  };
  // The first api applies the migrations; the other processes start once the schema is there.
  const first = start('api', env);
  const firstUrl = await first.url.catch(failWith(first));
  const second = start('api', env);
  const ports = [await freePort(), await freePort()];
  const workers = ports.map((port) => start('worker', { ...env, METRICS_PORT: String(port) }));
  const secondUrl = await second.url.catch(failWith(second));
  for (const [i, worker] of workers.entries()) {
    await waitFor('a worker to start', () => /worker started/.test(worker.output()), 60_000, 100).catch(failWith(worker));
    workerMetrics.push(`http://127.0.0.1:${ports[i]}/metrics`);
  }
  proxy = await startRoundRobinProxy([firstUrl, secondUrl]);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await proxy?.stop();
  for (const p of running.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  await knex?.destroy();
  await db?.drop();
  await redis?.cleanup();
});

/** Sends harmless requests until the proxy's next request goes to api `node` (0 or 1). */
async function steer(node: number): Promise<void> {
  for (let sent = 0; proxy.next() !== node; sent += 1) {
    if (sent === 2) throw new Error(`the proxy never turns to api ${node}`);
    await request(proxy.url).get('/healthz').expect(200);
  }
}

/** The api node that served the latest request or upgrade of `kind` the proxy passed on. */
const lastServed = (kind: 'http' | 'upgrade') => proxy.forwarded.filter((f) => f.kind === kind).at(-1)!;

interface Person {
  agent: ReturnType<typeof request.agent>;
  id: string;
  handle: string;
  cookie: string;
  csrf: string;
}

async function register(): Promise<Person> {
  const agent = request.agent(proxy.url);
  const csrf = (await agent.get('/api/csrf').expect(200)).body.csrfToken as string;
  const input = newUserInput();
  const res = await agent.post('/api/auth/register').set(CSRF_HEADER, csrf).send(input);
  expect(res.status).toBe(201);
  const cookie = (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
  return { agent, id: String(res.body.user.id), handle: res.body.user.handle, cookie, csrf: res.body.csrfToken };
}

/** A write with the session's CSRF token, sent to api `node` when given. */
async function write(person: Person, method: 'put' | 'delete', path: string, body?: object, node?: number) {
  if (node !== undefined) await steer(node);
  const req = person.agent[method](path).set(CSRF_HEADER, person.csrf);
  return body ? req.send(body) : req;
}

/** A websocket-only Socket.IO client of `person`, whose upgrade the proxy hands to api `node`. */
async function socketOn(person: Person, node: number): Promise<Socket> {
  await steer(node);
  const socket = connect(proxy.url, { transports: ['websocket'], extraHeaders: { cookie: person.cookie }, reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  expect(lastServed('upgrade').target).toBe(node);
  return socket;
}

function nextEvent<T>(socket: Socket, event: string, matches: (payload: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching ${event} within 20 s`)), 20_000);
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Attempts of `job` each worker ran, from its own metrics (completed and failed alike). */
async function attemptsByWorker(job: string): Promise<number[]> {
  return Promise.all(
    workerMetrics.map(async (url) => {
      const text = (await request(url).get('').expect(200)).text;
      const pattern = new RegExp(`^muse_job_duration_seconds_count\\{[^}]*job="${job}"[^}]*\\} (\\d+)`, 'gm');
      return [...text.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
    }),
  );
}

it('when a user connected to api 1 is followed through api 2, then a worker’s notification reaches their socket', async () => {
  const [ada, ben] = [await register(), await register()];
  const socket = await socketOn(ada, 0);
  const arrived = nextEvent<{ notification: Notification }>(socket, 'notification:new', (p) => p.notification.type === 'new_follower');

  const res = await write(ben, 'put', `/api/users/${ada.handle}/follow`, undefined, 1);
  expect(res.status).toBeLessThan(300);
  expect(lastServed('http')).toMatchObject({ method: 'PUT', target: 1 });

  const { notification } = await arrived;
  expect(notification.title).toMatch(/followed you/);
  expect(notification.link).toBe(`/users/${ben.handle}`);
});

it('when an album is rated through one api, then its watchers on the other api receive the new aggregate', async () => {
  const album = await makeAlbum(knex);
  const [ada, ben] = [await register(), await register()];
  const onFirst = await socketOn(ada, 0);
  const onSecond = await socketOn(ben, 1);
  for (const socket of [onFirst, onSecond]) {
    expect(await socket.timeout(10_000).emitWithAck('album:watch', album.id)).toBe(true);
  }
  type Stats = { albumId: string; stats: RatingStats };

  const firstSeen = nextEvent<Stats>(onFirst, 'album:stats', (p) => p.albumId === album.id && p.stats.count === 1);
  expect((await write(ben, 'put', `/api/albums/${album.id}/rating`, { rating: 4 }, 1)).status).toBe(200);
  expect(lastServed('http')).toMatchObject({ method: 'PUT', target: 1 });
  expect((await firstSeen).stats.count).toBe(1);

  const secondSeen = nextEvent<Stats>(onSecond, 'album:stats', (p) => p.albumId === album.id && p.stats.count === 2);
  expect((await write(ada, 'put', `/api/albums/${album.id}/rating`, { rating: 2 }, 0)).status).toBe(200);
  expect(lastServed('http')).toMatchObject({ method: 'PUT', target: 0 });
  expect((await secondSeen).stats.count).toBe(2);
});

it(`when ${FOLLOWS} follows queue ${FOLLOWS} notification jobs with two workers taking jobs, then each runs once: ${FOLLOWS} attempts, ${FOLLOWS} notifications`, async () => {
  const fan = await register();
  const handles = Array.from({ length: FOLLOWS }, (_, i) => `scale_${process.pid}_${i}`);
  const followees: string[] = (
    await knex('users')
      .insert(handles.map((handle) => ({ handle, email: `${handle}@example.test`, display_name: handle, password_hash: 'not-a-hash' })))
      .returning('id')
  ).map((r: { id: string }) => String(r.id));
  const before = await attemptsByWorker('new-follower-notification');

  // Ten at a time, so jobs wait in the queue while both workers are free to take them; the proxy
  // hands the ten to the two apis in turn, whatever order they arrive in.
  for (let i = 0; i < handles.length; i += 10) {
    const answers = await Promise.all(handles.slice(i, i + 10).map((h) => write(fan, 'put', `/api/users/${h}/follow`)));
    expect(answers.map((a) => a.status).filter((s) => s >= 300)).toEqual([]);
  }
  const followsServed = proxy.forwarded.filter((f) => f.method === 'PUT' && f.path.endsWith('/follow')).slice(-FOLLOWS);
  expect(new Set(followsServed.map((f) => f.target))).toEqual(new Set([0, 1]));

  const queue = new Queue('notifications', { connection: { url: redis.url }, prefix: `${redis.prefix}bull` });
  try {
    await waitFor(
      'every notification job to run and the queue to empty',
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        const ran = (await attemptsByWorker('new-follower-notification')).reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0);
        return ran >= FOLLOWS && Object.values(counts).every((n) => n === 0);
      },
      30_000,
      100,
    );
  } finally {
    await queue.close();
  }

  const after = await attemptsByWorker('new-follower-notification');
  const byWorker = after.map((n, i) => n - before[i]!);
  expect(byWorker.reduce((a, b) => a + b, 0)).toBe(FOLLOWS);
  // Both workers took part (jobs are handed to whichever asks first; 40 in bursts of 10 reach both).
  expect(byWorker.every((n) => n > 0)).toBe(true);
  const made = await knex('notifications').whereIn('user_id', followees).where({ type: 'new_follower' }).select('user_id');
  expect(made).toHaveLength(FOLLOWS);
  expect(new Set(made.map((r: { user_id: string }) => String(r.user_id)))).toEqual(new Set(followees));
});
