import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import pino from 'pino';
import { loadConfig } from './config';
import { InfrastructureError, resolveInfrastructure, type Infrastructure, type ResolveOptions } from './infrastructure';
import { waitFor } from '../testing/wait-for';

const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const EMBEDDED_TIMEOUT_MS = 180_000;

const logLines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
const running: Infrastructure[] = [];
const dataDirs: string[] = [];

/** Databases a test made on the machine's Postgres, dropped once it has stopped what used them. */
const dropAfterTest: string[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((infrastructure) => infrastructure.stop()));
  for (const name of dropAfterTest.splice(0)) await sql(TEST_PG_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await Promise.all(dataDirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
  logLines.length = 0;
});

async function freshDataDir(mode = 0o755): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'muse-infrastructure-'));
  // mkdtemp makes it 0700; a DATA_DIR Muse creates itself is 0755, which the embedded Postgres needs when it runs as OS user postgres under root.
  await fs.chmod(dir, mode);
  dataDirs.push(dir);
  return dir;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function resolve(env: Record<string, string>, options?: ResolveOptions): Promise<Infrastructure> {
  const infrastructure = await resolveInfrastructure(loadConfig(env), logger, options);
  running.push(infrastructure);
  return infrastructure;
}

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function withRedis<T>(url: string, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  await client.connect();
  try {
    return await use(client);
  } finally {
    client.disconnect();
  }
}

function logged(): string {
  return logLines.join('');
}

describe('resolveInfrastructure', () => {
  it('when DATABASE_URL and REDIS_URL are set, then they are used unchanged and nothing is started', async () => {
    const dataDir = await freshDataDir();
    // A password the test server (trust auth) ignores, to see that it is never logged.
    const databaseUrl = new URL(TEST_PG_URL);
    databaseUrl.password = 'secret';
    const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl.toString(), REDIS_URL: 'redis://cache.example.test:6380' };

    const infrastructure = await resolve(env);

    expect(infrastructure.databaseUrl).toBe(env.DATABASE_URL);
    expect(infrastructure.redisUrl).toBe(env.REDIS_URL);
    expect(infrastructure.sources).toEqual({ postgres: 'env', redis: 'env', documents: 'postgres' });
    expect(await fs.readdir(dataDir)).toEqual([]);
    expect(logged()).not.toContain('secret');
  });

  it('when local Postgres and Redis answer, then they are used and database muse exists', async () => {
    const dataDir = await freshDataDir();
    // The machine's own `muse` (what `npm start` uses) is left as it was found: dropped after the
    // test only when the test made it.
    const existedBefore = (await sql(TEST_PG_URL, "select 1 from pg_database where datname = 'muse'")).length > 0;
    if (!existedBefore) dropAfterTest.push('muse');

    const infrastructure = await resolve({ DATA_DIR: dataDir });

    expect(infrastructure.sources).toEqual({ postgres: 'local', redis: 'local', documents: 'postgres' });
    expect(infrastructure.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/muse');
    expect(infrastructure.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(await sql(infrastructure.databaseUrl, 'select 1 as one, current_database() as db')).toEqual([{ one: 1, db: 'muse' }]);
    expect(await sql(TEST_PG_URL, "select datname from pg_database where datname = 'muse'")).toEqual([{ datname: 'muse' }]);
    expect(await withRedis(infrastructure.redisUrl, (client) => client.ping())).toBe('PONG');
    expect(await fs.readdir(dataDir)).toEqual([]);
  });

  it(
    'when no Postgres answers, then an embedded one starts under DATA_DIR, is shared while running and keeps its data across restarts',
    async () => {
      const dataDir = await freshDataDir();
      const env = { DATA_DIR: dataDir, LOCAL_PG_PORT: String(await closedPort()), REDIS_URL: TEST_REDIS_URL };

      const first = await resolve(env);
      expect(first.sources.postgres).toBe('embedded');
      expect(await sql(first.databaseUrl, 'select 1 as one, current_database() as db')).toEqual([{ one: 1, db: 'muse' }]);
      await sql(first.databaseUrl, "create table kept (note text); insert into kept values ('from the first run')");

      const second = await resolve(env);
      expect(second.databaseUrl).toBe(first.databaseUrl);
      await second.stop();
      expect(await sql(first.databaseUrl, 'select count(*)::int as n from kept')).toEqual([{ n: 1 }]);

      await first.stop();
      await first.stop();
      expect(await answers(first.databaseUrl)).toBe(false);

      // A run killed without shutting down leaves postmaster.pid behind; by the next start its pid may belong to another program.
      const lockFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      const port = new URL(first.databaseUrl).port;
      const bystander = spawn('sleep', ['60']);
      await fs.writeFile(lockFile, `${bystander.pid}\n${path.join(dataDir, 'postgres')}\n1700000000\n${port}\n\n127.0.0.1\n0 0\nready\n`);

      const third = await resolve(env).finally(() => bystander.kill());
      expect(third.sources.postgres).toBe('embedded');
      expect(third.databaseUrl).toBe(first.databaseUrl);
      expect(await sql(third.databaseUrl, 'select note from kept')).toEqual([{ note: 'from the first run' }]);
      expect(logged()).toContain('removed a stale postmaster.pid');
      expect(logged()).not.toContain('muse-embedded');
      await third.stop();
      expect(await answers(third.databaseUrl)).toBe(false);
    },
    EMBEDDED_TIMEOUT_MS,
  );

  it(
    'when no Redis answers, then a redis-server is spawned under DATA_DIR, keeps its keys across restarts and dies on stop',
    async () => {
      const dataDir = await freshDataDir();
      const env = { DATA_DIR: dataDir, LOCAL_REDIS_PORT: String(await closedPort()), DATABASE_URL: TEST_PG_URL };

      const first = await resolve(env);
      expect(first.sources.redis).toBe('spawned');
      expect(await withRedis(first.redisUrl, (client) => client.ping())).toBe('PONG');
      await withRedis(first.redisUrl, (client) => client.set('muse:kept', 'from the first run'));
      await first.stop();
      expect(await answers(first.redisUrl)).toBe(false);

      const second = await resolve(env);
      expect(second.sources.redis).toBe('spawned');
      expect(await withRedis(second.redisUrl, (client) => client.get('muse:kept'))).toBe('from the first run');
      await second.stop();
      expect(await answers(second.redisUrl)).toBe(false);
    },
    EMBEDDED_TIMEOUT_MS,
  );

  it(
    'when no Redis answers and no redis-server exists, then it fails with one message saying how to get Redis and leaves nothing running',
    async () => {
      const dataDir = await freshDataDir();
      const env = { DATA_DIR: dataDir, LOCAL_PG_PORT: String(await closedPort()), LOCAL_REDIS_PORT: String(await closedPort()) };

      const failure = resolve(env, { redisServerBin: 'muse-no-such-redis-server' });

      await expect(failure).rejects.toBeInstanceOf(InfrastructureError);
      await expect(failure).rejects.toThrow(/REDIS_URL.*apt-get install redis-server.*docker compose/s);
      // The embedded Postgres started alongside is stopped again.
      const postgresPort = (await fs.readFile(path.join(dataDir, 'postgres.port'), 'utf8')).trim();
      expect(await answers(`postgres://127.0.0.1:${postgresPort}`)).toBe(false);
    },
    EMBEDDED_TIMEOUT_MS,
  );

  it('when DATABASE_URL names a database that does not exist, then it is created on that server', async () => {
    const name = `muse_missing_${process.pid}_${Date.now()}`;
    const databaseUrl = `postgres://postgres@127.0.0.1:5432/${name}`;
    try {
      const infrastructure = await resolve({ DATA_DIR: await freshDataDir(), DATABASE_URL: databaseUrl, REDIS_URL: TEST_REDIS_URL });

      expect(infrastructure.databaseUrl).toBe(databaseUrl);
      expect(await sql(databaseUrl, 'select current_database() as db')).toEqual([{ db: name }]);
      expect(logged()).toContain(`database ${name} did not exist; created it`);
    } finally {
      await sql(TEST_PG_URL, `drop database if exists ${name}`);
    }
  });

  it('when DATABASE_URL names a missing database its user may not create, then it fails with one line saying what to do', async () => {
    const role = `muse_no_createdb_${process.pid}_${Date.now()}`;
    await sql(TEST_PG_URL, `create role ${role} login nocreatedb`);
    try {
      const failure = resolve({ DATA_DIR: await freshDataDir(), DATABASE_URL: `postgres://${role}@127.0.0.1:5432/muse_never_made`, REDIS_URL: TEST_REDIS_URL });

      await expect(failure).rejects.toBeInstanceOf(InfrastructureError);
      const message = await failure.catch((err: Error) => err.message);
      expect(message).toMatch(/database "muse_never_made" does not exist.*could not create it.*permission denied/);
      expect(message).not.toContain('\n');
    } finally {
      await sql(TEST_PG_URL, `drop role if exists ${role}`);
    }
  });

  it('when DATABASE_URL points at a port nothing listens on, then it fails with one line naming host:port and what to do, without the password', async () => {
    const port = await closedPort();
    const failure = resolve({ DATA_DIR: await freshDataDir(), DATABASE_URL: `postgres://muse:secret@127.0.0.1:${port}/muse`, REDIS_URL: TEST_REDIS_URL });

    await expect(failure).rejects.toBeInstanceOf(InfrastructureError);
    const message = await failure.catch((err: Error) => err.message);
    expect(message).toMatch(new RegExp(`could not connect to Postgres at 127\\.0\\.0\\.1:${port}.*ECONNREFUSED.*DATABASE_URL`));
    expect(message).not.toContain('\n');
    expect(message).not.toContain('secret');
  });

  it('when MONGO_URL is set, then documents go to mongo', async () => {
    const env = { DATA_DIR: await freshDataDir(), DATABASE_URL: TEST_PG_URL, REDIS_URL: TEST_REDIS_URL, MONGO_URL: 'mongodb://127.0.0.1:27017/muse' };

    const infrastructure = await resolve(env);

    expect(infrastructure.sources.documents).toBe('mongo');
    expect(infrastructure.mongoUrl).toBe(env.MONGO_URL);
  });

  it(
    'when the process that started the servers exits without calling stop(), then they stop too',
    async () => {
      const dataDir = await freshDataDir();
      const env = { DATA_DIR: dataDir, LOCAL_PG_PORT: String(await closedPort()), LOCAL_REDIS_PORT: String(await closedPort()) };
      // Jest's sandboxed process never emits 'exit', so the owner has to be a real Node process.
      const script = path.join(dataDir, 'owner.js');
      await fs.writeFile(
        script,
        `const { resolveInfrastructure } = require(${JSON.stringify(require.resolve('./infrastructure'))});
         const { loadConfig } = require(${JSON.stringify(require.resolve('./config'))});
         const pino = require(${JSON.stringify(require.resolve('pino'))});
         resolveInfrastructure(loadConfig(${JSON.stringify(env)}), pino({ level: 'silent' }))
           .then((i) => console.log(JSON.stringify({ databaseUrl: i.databaseUrl, redisUrl: i.redisUrl })));`,
      );
      const owner = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      owner.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise((done) => owner.once('exit', done));

      expect(code).toBe(0);
      const { databaseUrl, redisUrl } = JSON.parse(output) as { databaseUrl: string; redisUrl: string };
      expect(databaseUrl).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/muse$/);
      expect(redisUrl).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      await waitFor('the started Postgres and Redis to stop answering', async () => !(await answers(databaseUrl)) && !(await answers(redisUrl)), 15_000, 100);
    },
    EMBEDDED_TIMEOUT_MS,
  );

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('when running as root and the postgres OS user cannot enter DATA_DIR, then it says which directory to open up', async () => {
    const dataDir = await freshDataDir(0o700);
    const env = { DATA_DIR: dataDir, LOCAL_PG_PORT: String(await closedPort()), REDIS_URL: TEST_REDIS_URL };

    const failure = resolve(env);

    await expect(failure).rejects.toBeInstanceOf(InfrastructureError);
    await expect(failure).rejects.toThrow(`chmod o+x ${dataDir}`);
  });
});
