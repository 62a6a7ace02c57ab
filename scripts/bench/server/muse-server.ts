import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { spawnServer, type ChildServer } from '../lib/child-server';

const SOURCE_DIRS = ['server/src', 'shared/src'];
const SOURCE_FILES = ['server/build.mjs', 'server/package.json', 'shared/package.json'];

function newestSourceMtime(root: string): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    } else if (!file.endsWith('.test.ts')) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) visit(path.join(root, dir));
  for (const file of SOURCE_FILES) if (fs.existsSync(path.join(root, file))) newest = Math.max(newest, fs.statSync(path.join(root, file)).mtimeMs);
  return newest;
}

/** Builds server/dist/main.js when it is missing or older than any server or shared source. */
export function ensureServerBuilt(root: string, log: (line: string) => void): void {
  const bundle = path.join(root, 'server/dist/main.js');
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= newestSourceMtime(root)) return;
  log('server: building server/dist/main.js (npm run build -w server)');
  const result = spawnSync('npm', ['run', 'build', '-w', 'server'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run build -w server failed (${result.signal ?? result.status})`);
}

/** Where the api finds its database and Redis, and the repository it runs from. */
export interface MuseServerOptions {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** Documents (activity, playlists) in this MongoDB database instead of Postgres. */
  mongoUrl?: string;
  /** `api` (default), or `all` for an api with its worker (job scenarios). */
  role?: 'api' | 'all';
  /** A fixed port (default any free one): Spotify's redirect URL must name it. */
  port?: number;
  /** More environment (a provider sandbox to use). */
  env?: Record<string, string>;
}

/**
 * Starts the built api role on a free loopback port against the bench database, with rate limits
 * far above what the bench sends (every request comes from one address, and a small pool of
 * users writes hundreds of ratings a minute each).
 */
export function startMuse(options: MuseServerOptions): Promise<ChildServer> {
  return spawnServer({
    name: options.mongoUrl ? 'Muse api (mongo)' : options.role === 'all' ? 'Muse api and worker' : 'Muse api',
    command: process.execPath,
    args: [...serverNodeFlags(), 'server/dist/main.js', `--role=${options.role ?? 'api'}`],
    cwd: options.root,
    env: museEnv(options),
    urlPattern: /Muse is running at (http:\/\/\S+)/,
    startTimeoutMs: 60_000,
  });
}

/**
 * Starts the built worker role alone (an api started apart serves the sockets). It prints no URL:
 * it is ready once it logs that it started, so its log level is `info` (its job lines are drained).
 */
export function startMuseWorker(options: Omit<MuseServerOptions, 'role' | 'port'>): Promise<ChildServer> {
  return spawnServer({
    name: 'Muse worker',
    command: process.execPath,
    args: [...serverNodeFlags(), 'server/dist/main.js', '--role=worker'],
    cwd: options.root,
    env: { ...museEnv(options), LOG_LEVEL: 'info' },
    urlPattern: /"msg":"worker (started)"/,
    startTimeoutMs: 60_000,
  });
}

/** Node flags for the Muse servers only (`BENCH_SERVER_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles a scenario). */
const serverNodeFlags = (): string[] => (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);

/** One key for every server of a run, so an api and a worker started apart read each other's tokens. */
const TOKEN_KEY = `bench:${randomBytes(32).toString('base64')}`;

/** The environment of a bench server: the bench database and Redis, rate limits out of the way. */
function museEnv(options: MuseServerOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    // Production refuses to start without keys for provider tokens; a throwaway one per run.
    TOKEN_ENCRYPTION_KEYS: TOKEN_KEY,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    ...(options.mongoUrl ? { MONGO_URL: options.mongoUrl } : {}),
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    API_RATE_IP_MAX: '1000000000',
    LOGIN_RATE_IP_MAX: '1000000000',
    LOGIN_RATE_ACCOUNT_MAX: '1000000000',
    WRITE_RATE_USER_MAX: '1000000000',
    // The data set is the catalog; the demo catalog only seeds an empty one anyway.
    SEED_DEMO_CATALOG: 'false',
    ...options.env,
  };
}

/** Starts the bare Express JSON endpoint that the scenarios are compared with. */
export function startExpressBaseline(root: string): Promise<ChildServer> {
  return spawnServer({
    name: 'Express baseline',
    command: process.execPath,
    args: [path.join(root, 'scripts/bench/server/express-baseline.mjs')],
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0' },
    urlPattern: /Baseline is running at (http:\/\/\S+)/,
    startTimeoutMs: 20_000,
  });
}
