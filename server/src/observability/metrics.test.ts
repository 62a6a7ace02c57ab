import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import { JOB_CATALOG } from '../jobs/job-catalog';
import { JobRegistry } from '../jobs/job-registry';
import { WorkerRunner } from '../jobs/worker-runner';
import { createLogger } from '../lib/logger';
import { jobDependencies, startWorker } from '../roles/worker-role';
import { makeAlbum, newUserInput, registerUser } from '../testing/factories';
import { spawnMuse } from '../testing/spawn-muse';
import { createTestDatabase, createTestRedisPrefix } from '../testing/test-infra';
import { useTestApp } from '../testing/test-app';
import { waitFor } from '../testing/wait-for';
import { UNMATCHED_ROUTE } from './http-metrics';
import { MuseMetrics } from './metrics';
import { createMetricsRouter, startMetricsServer } from './metrics-endpoint';

const TOKEN = randomBytes(24).toString('hex');
const app = useTestApp({ env: { METRICS_TOKEN: TOKEN }, sandbox: true });

/** The value of one sample in Prometheus text, or undefined when no line has that name and exactly those labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    const want = Object.entries(labels);
    if (want.length === Object.keys(found).length && want.every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function scrape(): Promise<string> {
  const res = await request(app.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  return res.text;
}

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  return { lines, logger: createLogger('debug', stream) };
}

describe('/metrics on the api port', () => {
  it('when no token or a wrong one is sent, then it answers 401 problem+json and no metrics', async () => {
    for (const auth of [undefined, `Bearer ${TOKEN}x`, `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, TOKEN]) {
      const req = request(app.url).get('/metrics');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
      expect(res.text).not.toMatch(/muse_/);
    }
  });

  it('when the token is right, then it answers Prometheus text with the process’s metrics', async () => {
    const res = await request(app.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^# TYPE muse_http_request_duration_seconds histogram$/m);
    expect(res.text).toMatch(/^# TYPE muse_queue_jobs gauge$/m);
    // The pool answered a migration and the health checks: its size is reported.
    expect(sample(res.text, 'muse_db_pool_max', { pool: 'main' })).toBe(10);
    const used = sample(res.text, 'muse_db_pool_connections', { pool: 'main', state: 'used' });
    const idle = sample(res.text, 'muse_db_pool_connections', { pool: 'main', state: 'idle' });
    expect((used ?? 0) + (idle ?? 0)).toBeGreaterThan(0);
    expect(sample(res.text, 'muse_db_pool_waiting', { pool: 'main' })).toBe(0);
  });

  it('when an album is read, then the latency histogram has a sample under the route template and its status, never the raw path', async () => {
    const album = await makeAlbum(app);
    await request(app.url).get(`/api/albums/${album.id}`).expect(200);
    await request(app.url).get('/api/albums/999999999').expect(404);
    await request(app.url).get('/api/albums/not-an-id').expect(400);
    await request(app.url).get('/api/no-such-thing').expect(404);
    const text = await scrape();
    const count = (route: string, status: string) => sample(text, 'muse_http_request_duration_seconds_count', { method: 'GET', route, status });
    expect(count('/api/albums/:id', '200')).toBe(1);
    // Errors answered by the app-level error handler keep the template of the route that threw.
    expect(count('/api/albums/:id', '404')).toBe(1);
    expect(count('/api/albums/:id', '400')).toBe(1);
    expect(count(UNMATCHED_ROUTE, '404')).toBe(1);
    expect(sample(text, 'muse_http_request_duration_seconds_bucket', { method: 'GET', route: '/api/albums/:id', status: '200', le: '+Inf' })).toBe(1);
    expect(text).not.toContain(`/api/albums/${album.id}`);
    expect(text).not.toContain('no-such-thing');
  });

  it('when requests reach Redis, then command round trips are in the Redis histogram', async () => {
    await request(app.url).get('/api/csrf').expect(200);
    const text = await scrape();
    const counts = text.split('\n').filter((l) => l.startsWith('muse_redis_command_duration_seconds_count{'));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.reduce((n, l) => n + Number(l.split(' ').pop()), 0)).toBeGreaterThan(0);
    // Blocking reads wait on data, not on Redis: they are left out.
    expect(text).not.toMatch(/command="(xread|bzpopmin|xreadgroup)"/);
  });
});

describe('queues and jobs', () => {
  it('when a job waits in a queue, then the queue gauge counts it; once a worker ran it, the job histogram has its duration by queue', async () => {
    const waiting = async () => sample(await scrape(), 'muse_queue_jobs', { queue: 'notifications', state: 'waiting' });
    const before = await waitFor('the queue gauge', waiting);
    // No worker runs yet: registration leaves its welcome job waiting.
    await registerUser(app);
    await waitFor('the waiting job to be counted', async () => ((await waiting()) ?? 0) > before);

    const timed = async () =>
      sample(await scrape(), 'muse_job_duration_seconds_count', { queue: 'notifications', job: 'welcome-notification', outcome: 'completed' });
    expect(await timed()).toBeUndefined();
    const worker = await startWorker(app.container, { coverBackfill: false });
    try {
      await waitFor('the welcome job to be timed', async () => ((await timed()) ?? 0) >= 1);
      expect(
        sample(await scrape(), 'muse_job_duration_seconds_count', { queue: 'notifications', job: 'welcome-notification', outcome: 'failed' }),
      ).toBeUndefined();
    } finally {
      await worker.stop();
    }
  });

  it('when a request queues jobs, then the worker’s log lines for each job carry its job id and that request’s id', async () => {
    const client = app.client();
    const input = newUserInput();
    const registered = await client.post('/api/auth/register', input);
    expect(registered.status).toBe(201);
    // Deleting the account before any worker runs: its welcome job then logs that it skipped, and a purge job is queued.
    const deleted = await client.delete('/api/me', { password: input.password });
    expect(deleted.status).toBe(204);
    const registerRequest = registered.headers['x-request-id'] as string;
    const deleteRequest = deleted.headers['x-request-id'] as string;
    expect(registerRequest).not.toBe(deleteRequest);

    const { lines, logger } = captureLogs();
    const runner = new WorkerRunner(new JobRegistry(JOB_CATALOG, jobDependencies(app.container)), {
      connection: app.container.newRedisConnection(),
      prefix: `${app.container.config.REDIS_PREFIX}bull`,
      concurrency: 1,
      logger,
      metrics: app.container.metrics,
    });
    try {
      const skipped = await waitFor('the welcome job’s line', () => lines.find((l) => l.msg === 'welcome skipped: user no longer exists'));
      const purged = await waitFor('the purge job’s line', () => lines.find((l) => l.msg === 'deleted account purged'));
      expect(skipped).toMatchObject({ queue: 'notifications', job: 'welcome-notification', requestId: registerRequest });
      expect(purged).toMatchObject({ queue: 'accounts', job: 'account-purge', requestId: deleteRequest });
      expect(skipped.jobId).toEqual(expect.any(String));
      expect(purged.jobId).toEqual(expect.any(String));
      // Every line the runner wrote for these jobs (their completion too) names the same request.
      const ofJob = (id: unknown) => lines.filter((l) => l.jobId === id);
      await waitFor(
        'both completions',
        () => ofJob(skipped.jobId).some((l) => l.msg === 'job completed') && ofJob(purged.jobId).some((l) => l.msg === 'job completed'),
      );
      expect(ofJob(skipped.jobId).every((l) => l.requestId === registerRequest)).toBe(true);
      expect(ofJob(purged.jobId).every((l) => l.requestId === deleteRequest)).toBe(true);
    } finally {
      await runner.close();
    }
  });
});

describe('sockets and providers', () => {
  let socket: Socket | undefined;
  afterEach(() => socket?.disconnect());

  it('when a Socket.IO client connects, then the sockets gauge counts it and the emits it receives are counted; when it leaves, the gauge drops', async () => {
    const gauge = async () => sample(await scrape(), 'muse_socketio_connected_sockets');
    expect(await gauge()).toBe(0);
    const { client } = await registerUser(app);
    socket = connect(app.url, { transports: ['websocket'], extraHeaders: { cookie: client.cookieHeader() }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket!.once('connect', resolve);
      socket!.once('connect_error', reject);
    });
    await waitFor('the socket in the gauge', async () => (await gauge()) === 1);
    // Marking notifications read makes the realtime dispatcher emit the new unread count to the user's room.
    const emitted = async () => sample(await scrape(), 'muse_socketio_events_emitted_total', { event: 'notification:unread' }) ?? 0;
    const before = await emitted();
    const unread = new Promise((resolve) => socket!.once('notification:unread', resolve));
    expect((await client.post('/api/notifications/read-all')).status).toBeLessThan(300);
    await unread;
    expect(await emitted()).toBe(before + 1);
    socket.disconnect();
    await waitFor('the socket to be gone from the gauge', async () => (await gauge()) === 0);
  });

  it('when a music service is called, then the calls the provider layer counted appear by provider, endpoint and outcome', async () => {
    await app.container.providers.appProvider('spotify').searchAlbums('a');
    const text = await scrape();
    expect(sample(text, 'muse_provider_calls_total', { provider: 'spotify', endpoint: 'POST /api/token', outcome: 'ok' })).toBe(1);
    const search = text.split('\n').filter((l) => l.startsWith('muse_provider_calls_total{') && l.includes('provider="spotify"') && l.includes('/search'));
    expect(search).toHaveLength(1);
    expect(search[0]).toMatch(/outcome="ok"\} 1$/);
  });
});

describe('/metrics elsewhere', () => {
  it('when no token is configured, then /metrics on the api port answers 404 problem+json', async () => {
    const bare = express().use(createMetricsRouter(new MuseMetrics(), undefined));
    const res = await request(bare).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.text).not.toMatch(/muse_/);
  });

  it('when an admin port is configured, then it serves the metrics without a token, with Node’s process metrics, on loopback only', async () => {
    const metrics = new MuseMetrics({ processMetrics: true });
    const server = await startMetricsServer(metrics, { host: '127.0.0.1', port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const res = await request(server.url).get('').expect(200);
      expect(res.text).toMatch(/^process_resident_memory_bytes \d/m);
      expect(res.text).toMatch(/^nodejs_eventloop_lag_seconds /m);
      expect(res.text).toMatch(/^# TYPE muse_job_duration_seconds histogram$/m);
      const other = await request(server.url.replace('/metrics', '/')).get('');
      expect(other.status).toBe(404);
      expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await server.stop();
    }
  });
});

/** A loopback port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a worker process', () => {
  it('when METRICS_PORT is set, then the worker serves its own metrics there on loopback, without a token', async () => {
    const db = await createTestDatabase('metrics');
    const redis = createTestRedisPrefix('metrics');
    const port = await freePort();
    const worker = spawnMuse('worker', { DATABASE_URL: db.url, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix, METRICS_PORT: String(port) });
    try {
      const text = await waitFor(
        'the worker’s metrics',
        async () => {
          const res = await request(`http://127.0.0.1:${port}`).get('/metrics');
          return res.status === 200 && res.text;
        },
        60_000,
        200,
      );
      expect(text).toMatch(/^process_resident_memory_bytes \d/m);
      expect(sample(text, 'muse_queue_jobs', { queue: 'charts', state: 'delayed' })).toEqual(expect.any(Number));
      expect(worker.output()).toMatch(/metrics served/);
      // The admin port opens before the worker's jobs start; a stop is asked for once it runs.
      await waitFor('the worker to start', () => /worker started/.test(worker.output()), 60_000);
      worker.child.kill('SIGTERM');
      expect((await worker.exited).code).toBe(0);
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await worker.exited;
      await db.drop();
      await redis.cleanup();
    }
  });
});

describe('the Grafana dashboard', () => {
  it('when its queries name a metric, then the api or worker exports a metric of that name', async () => {
    const dashboard = fs.readFileSync(path.resolve(__dirname, '../../../ops/grafana/muse-dashboard.json'), 'utf8');
    const exported = new Set([
      ...(await app.container.metrics.registry.getMetricsAsJSON()).map((m) => m.name),
      ...(await new MuseMetrics({ processMetrics: true }).registry.getMetricsAsJSON()).map((m) => m.name),
    ]);
    const named = new Set([...dashboard.matchAll(/\b(?:muse|process|nodejs)_[a-z0-9_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, '')));
    expect(named.size).toBeGreaterThanOrEqual(12);
    expect([...named].filter((name) => !exported.has(name))).toEqual([]);
  });
});
