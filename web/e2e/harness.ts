import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';

const ADMIN_DATABASE_URL = process.env.E2E_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SERVER_ENTRY = path.resolve(__dirname, '../../server/dist/main.js');
const WEB_DIST = path.resolve(__dirname, '../dist/index.html');
const READY_LINE = 'Muse is running at ';
const START_TIMEOUT_MS = 90_000;

/** A running Muse server on its own database and Redis prefix. */
export interface MuseServer {
  url: string;
  databaseUrl: string;
  redisPrefix: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  /** A one-line note when the server process has exited, else ''. */
  exitNote: () => string;
  /** Runs one SQL query against the server's database (for failure diagnostics). */
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  /** Hash fields and list/set/zset members of this server's Redis keys matching `pattern` (diagnostics). */
  redisDump: (pattern: string) => Promise<Record<string, unknown>>;
  stop: () => Promise<void>;
}

function databaseUrlFor(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function waitForReady(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      reject(new Error(`Server did not print "${READY_LINE}…" within ${START_TIMEOUT_MS / 1000}s.\n${output()}`));
    }, START_TIMEOUT_MS);
    const handleData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const line = buffer.split('\n').find((l) => l.includes(READY_LINE));
      if (line) {
        clearTimeout(timer);
        child.stdout?.off('data', handleData);
        resolve(line.slice(line.indexOf(READY_LINE) + READY_LINE.length).trim());
      }
    };
    child.stdout?.on('data', handleData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Server exited before it was ready (code ${code}, signal ${signal}).\n${output()}`));
    });
  });
}

/**
 * Starts `server/dist/main.js --role=all` against a fresh database `muse_e2e_<random>` and
 * Redis prefix `muse-e2e-<random>:`, and resolves once it prints its URL. `stop()` ends
 * the server and removes the database and the Redis keys.
 */
export async function startMuse(extraEnv: Record<string, string> = {}): Promise<MuseServer> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`Missing ${SERVER_ENTRY}. Run \`npm run build\` at the repository root before the end-to-end tests.`);
  }
  if (!existsSync(WEB_DIST)) {
    throw new Error(`Missing ${WEB_DIST}. Run \`npm run build\` at the repository root before the end-to-end tests.`);
  }

  const id = randomBytes(6).toString('hex');
  const databaseName = `muse_e2e_${id}`;
  const databaseUrl = databaseUrlFor(databaseName);
  const redisPrefix = `muse-e2e-${id}:`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${databaseName}"`));

  let log = '';
  const output = () => log.slice(-20_000);
  const child = spawn(process.execPath, [SERVER_ENTRY, '--role=all'], {
    cwd: path.resolve(__dirname, '../..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // Production refuses to start without keys for provider tokens; a throwaway one per run.
      TOKEN_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JOB_BACKOFF_MS: '200',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  // An early exit explains every later "connection refused"; keep it in the output.
  let exitNote = '';
  child.once('exit', (code, signal) => {
    exitNote = `The server process exited (code ${code}, signal ${signal}).`;
    log += `\n[${exitNote}]\n`;
  });

  const cleanUp = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await waitForExit(child, 15_000);
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
    await deleteRedisKeys(redisPrefix);
  };

  let url: string;
  try {
    url = await waitForReady(child, output);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const query = async (sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  const redisDump = async (pattern: string) => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await redis.connect();
    try {
      const out: Record<string, unknown> = {};
      const keys = await redis.keys(`${redisPrefix}${pattern}`);
      for (const key of keys.slice(0, 50)) {
        const type = await redis.type(key);
        if (type === 'hash') out[key] = await redis.hgetall(key);
        else if (type === 'list') out[key] = await redis.lrange(key, 0, 20);
        else if (type === 'zset') out[key] = await redis.zrange(key, '0', '20', 'WITHSCORES');
        else if (type === 'set') out[key] = await redis.smembers(key);
        else if (type === 'string') out[key] = await redis.get(key);
        else out[key] = type;
      }
      return out;
    } finally {
      redis.disconnect();
    }
  };
  return { url, databaseUrl, redisPrefix, output, exitNote: () => exitNote, query, redisDump, stop: cleanUp };
}
