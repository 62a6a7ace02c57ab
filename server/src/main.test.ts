import net from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { io as connect } from 'socket.io-client';
import { CSRF_HEADER } from '@muse/shared';
import { spawnMuse, type MuseProcess } from './testing/spawn-muse';
import { createTestDatabase, createTestRedisPrefix } from './testing/test-infra';
import { newUserInput } from './testing/factories';
import { waitFor } from './testing/wait-for';

const running: MuseProcess[] = [];

/** A port on 127.0.0.1 that was free a moment ago, so nothing answers there. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.child.exitCode === null) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
  }
});

describe('entry point', () => {
  it('when a variable is invalid, then it exits 1 with a message naming it', async () => {
    const p = spawnMuse('all', { PORT: 'eighty' });
    running.push(p);
    const { code } = await p.exited;
    expect(code).toBe(1);
    expect(p.output()).toMatch(/PORT/);
    expect(p.output()).not.toMatch(/\n\s+at /);
  });

  it('when DATABASE_URL names a missing database the server will not create, then it exits 1 with one line and no stack', async () => {
    const admin = await createTestDatabase('nocreate');
    const role = `muse_no_createdb_${process.pid}_${Date.now()}`;
    const asAdmin = () => new Client({ connectionString: admin.url });
    const run = async (text: string) => {
      const client = asAdmin();
      await client.connect();
      await client.query(text).finally(() => client.end());
    };
    await run(`create role ${role} login nocreatedb`);
    try {
      const p = spawnMuse('api', {
        DATABASE_URL: `postgres://${role}@127.0.0.1:5432/muse_never_made`,
        REDIS_URL: createTestRedisPrefix('nocreate').url,
        LOG_LEVEL: 'silent',
        PORT: '0',
      });
      running.push(p);
      const { code } = await p.exited;
      expect(code).toBe(1);
      expect(p.output().trim().split('\n')).toEqual([expect.stringMatching(/database "muse_never_made" does not exist.*could not create it/)]);
    } finally {
      await run(`drop role if exists ${role}`);
      await admin.drop();
    }
  });

  it('when DATABASE_URL points at a port nothing listens on, then it exits 1 with one line naming host:port and no stack', async () => {
    const port = await closedPort();
    const p = spawnMuse('api', {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/muse`,
      REDIS_URL: createTestRedisPrefix('unreachable').url,
      LOG_LEVEL: 'silent',
      PORT: '0',
    });
    running.push(p);
    const { code } = await p.exited;
    expect(code).toBe(1);
    expect(p.output().trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`could not connect to Postgres at 127\\.0\\.0\\.1:${port}.*DATABASE_URL`)),
    ]);
  });

  it('when the role is unknown, then it exits 2 naming the valid roles', async () => {
    const p = spawnMuse('chef', {});
    running.push(p);
    expect((await p.exited).code).toBe(2);
    expect(p.output()).toMatch(/--role=api, --role=worker or --role=all/);
  });
});

describe('several processes sharing Postgres and Redis', () => {
  it('when api nodes and a worker run apart, then a welcome made by the worker reaches a socket on the other api node; SIGTERM stops each cleanly', async () => {
    const db = await createTestDatabase('procs');
    const redis = createTestRedisPrefix('procs');
    const env = { DATABASE_URL: db.url, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix, PORT: '0', HOST: '127.0.0.1', JOB_BACKOFF_MS: '100' };
    try {
      const apiA = spawnMuse('api', env);
      running.push(apiA);
      const urlA = await apiA.url;
      // Without music service credentials, npm start runs the provider sandbox and prints its URL beside Muse's.
      const sandboxUrl = await waitFor(
        'the sandbox URL',
        () => /Provider sandbox \(offline Spotify and Apple Music\) at (http:\/\/127\.0\.0\.1:\d+)/.exec(apiA.output())?.[1],
      );
      expect((await fetch(`${sandboxUrl}/apple-auth/authorize`)).status).toBe(400);
      const apiB = spawnMuse('api', env);
      running.push(apiB);
      const urlB = await apiB.url;

      // Register on node B and listen on node A; the worker starts only once the socket is open,
      // so the notification can only arrive live, across nodes.
      const agent = request.agent(urlB);
      const csrf = (await agent.get('/api/csrf')).body.csrfToken;
      const reg = await agent.post('/api/auth/register').set(CSRF_HEADER, csrf).send(newUserInput());
      expect(reg.status).toBe(201);
      const cookie = (reg.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      const socket = connect(urlA, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
      let worker: MuseProcess;
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        const live = new Promise<{ notification: { title: string }; unread: number }>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no live notification within 30 s')), 30_000);
          socket.once('notification:new', (payload: { notification: { title: string }; unread: number }) => {
            clearTimeout(timer);
            resolve(payload);
          });
        });
        worker = spawnMuse('worker', env);
        running.push(worker);
        const payload = await live;
        expect(payload.notification.title).toBe('Welcome to Muse');
        expect(payload.unread).toBe(1);
      } finally {
        socket.disconnect();
      }

      for (const p of [apiA, apiB, worker!]) {
        p.child.kill('SIGTERM');
        const { code } = await p.exited;
        expect(code).toBe(0);
        expect(p.output()).toMatch(/shutdown complete/);
      }
      expect(worker!.output()).not.toMatch(/Muse is running at/);
      // The sandbox stopped with its process.
      await expect(fetch(`${sandboxUrl}/apple-auth/authorize`)).rejects.toThrow();
    } finally {
      await db.drop();
      await redis.cleanup();
    }
  });
});
