// `npm run bench:soak`: mixed traffic at 500 requests/s for 10 minutes over the scale data set,
// against a built api and a worker started apart, with Socket.IO clients connected; prints errors,
// p50/p99 per route, the api's memory and event-loop delay and the stores' connections at start and
// end, each beside its goal. See scripts/bench/README.md.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { ensureDataset, findDataset } from '../dataset/dataset-builder';
import { BENCH_PASSWORD, FULL_SCALE, SMOKE_SCALE } from '../dataset/dataset-scale';
import { connect, databaseName, dropDatabase, withDatabase } from '../lib/pg-admin';
import { deleteKeys } from '../lib/redis-keys';
import { runLoad, type RequestSpec } from '../load/load-runner';
import { readPlaylistTargets } from '../load/playlist-targets';
import { startRoundRobinProxy } from '../../../server/src/testing/round-robin-proxy';
import { ensureServerBuilt, startMuse, startMuseWorker } from '../server/muse-server';
import { signInPool } from '../server/session-pool';
import type { ConnectOrder, FromClients } from '../sockets/socket-clients';
import { soakRequests } from './soak-mix';
import { sample, type SoakSample } from './soak-probes';
import { readTargets, undoWrites } from './soak-targets';
import { formatSoak, goalsMet, RouteFigures, routeRows, writeSoakReport } from './soak-report';
import { type Cleanup, runWithCleanup } from '../lib/cleanup';
import { forgetRunWritesFromNow } from '../lib/run-writes';

const ROOT = path.resolve(__dirname, '../../..');
const log = (line: string) => process.stdout.write(`${line}\n`);

/** Signed-in users: the data set's feed users and playlist owners come first in sign-in order. */
const SESSIONS = 200;
/** Connections the load runs on, spread over its lanes (enough to keep 500/s while answers slow). */
const CONNECTIONS = 100;
/** Socket.IO clients watching one album page (album 1, the most rated, so ratings reach them). */
const WATCHERS = 200;
const WATCHED_ALBUM = '1';

const USAGE = `usage: npm run bench:soak -- [options]
  --minutes <n>   minutes of measured traffic (default 10)
  --rate <n>      requests per second offered (default 500)
  --sockets <n>   Socket.IO clients held by a separate process (default 1000; a multiple of ${SESSIONS})
  --warmup <s>    seconds of the same traffic before the start figures are taken (default 30)
  --cold-start    the first seconds after the api starts: no warm-up, and 0.5 minutes unless --minutes says
                  otherwise (only the sign-ins and socket connections come before the measured traffic)
  --nodes <n>     api processes and as many workers, behind a sticky-free round-robin proxy (default 1: no proxy)
  --smoke         on a tiny data set in a throwaway database (dropped afterwards): proves the harness works
  --out <dir>     where the JSON goes (default scripts/bench/results/soak, or its smoke/ with --smoke)
environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/muse_bench),
             BENCH_REDIS_URL (default redis://127.0.0.1:6379)`;

interface SoakOptions {
  minutes: number;
  coldStart: boolean;
  rate: number;
  sockets: number;
  warmupSeconds: number;
  nodes: number;
  smoke: boolean;
  outDir: string;
  databaseUrl: string;
  redisUrl: string;
}

function parseSoakOptions(argv: string[], env: NodeJS.ProcessEnv): SoakOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      minutes: { type: 'string' },
      rate: { type: 'string' },
      sockets: { type: 'string' },
      warmup: { type: 'string' },
      'cold-start': { type: 'boolean' },
      nodes: { type: 'string' },
      smoke: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return null;
  const positive = (flag: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${flag} needs a positive number, got ${JSON.stringify(raw)}`);
    return n;
  };
  const coldStart = values['cold-start'] === true;
  if (coldStart && values.warmup !== undefined) throw new Error('--cold-start measures without a warm-up: leave --warmup out');
  return {
    minutes: positive('minutes', values.minutes, coldStart ? 0.5 : 10),
    coldStart,
    rate: Math.round(positive('rate', values.rate, 500)),
    sockets: Math.max(SESSIONS, Math.round(positive('sockets', values.sockets, 1000) / SESSIONS) * SESSIONS),
    warmupSeconds: coldStart ? 0 : positive('warmup', values.warmup, 30),
    nodes: Math.round(positive('nodes', values.nodes, 1)),
    smoke: values.smoke === true,
    outDir: path.resolve(ROOT, values.out ?? `scripts/bench/results/soak${coldStart ? '/cold-start' : ''}${values.smoke ? '/smoke' : ''}`),
    databaseUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/muse_bench',
    redisUrl: env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

async function soak(options: SoakOptions, cleanup: Cleanup): Promise<void> {
  const { redisUrl } = options;
  const scale = options.smoke ? SMOKE_SCALE : FULL_SCALE;
  const databaseUrl = options.smoke ? withDatabase(options.databaseUrl, `muse_bench_smoke_${randomBytes(4).toString('hex')}`) : options.databaseUrl;
  if (options.smoke) {
    cleanup.add('drop the smoke database', () => dropDatabase(databaseUrl));
    log(`soak: smoke data set in database ${databaseName(databaseUrl)}`);
    await ensureDataset({ databaseUrl, scale, rebuild: true, log });
  } else if (!(await findDataset(databaseUrl, scale))) {
    throw new Error(`${databaseUrl} holds no complete full-scale data set; build it first with npm run bench -- --dataset-only`);
  }
  if (!options.smoke) {
    // The soak's ratings, adds and sign-ins leave activity and longer playlists in the reused data set.
    const forget = await forgetRunWritesFromNow(databaseUrl);
    cleanup.add('undo the activity and playlist entries this soak wrote', async () => {
      const { activities, entries } = await forget();
      log(`soak: deleted the ${activities} activities and ${entries} playlist entries this soak wrote`);
    });
  }
  ensureServerBuilt(ROOT, log);
  const redisPrefix = `muse-soak-${randomBytes(6).toString('hex')}:`;
  cleanup.add(`delete Redis keys ${redisPrefix}*`, () => deleteKeys(redisUrl, redisPrefix));
  const metricsToken = randomBytes(24).toString('hex');
  // No recommendations schedule: a fresh prefix would otherwise start with a rebuild of every
  // user's lists (minutes of one core) before or during the measurement; the soak has no
  // recommendation routes, and the rebuild has its own scenario.
  const servers = {
    root: ROOT,
    databaseUrl,
    redisUrl,
    redisPrefix,
    env: { PROVIDER_SANDBOX: 'off', METRICS_TOKEN: metricsToken, RECS_REBUILD_EVERY_MINUTES: '0' },
  };
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  cleanup.add('close the Redis probe', () => redis.quit());
  const apiUrls: string[] = [];
  for (let n = 0; n < options.nodes; n += 1) {
    const worker = await startMuseWorker(servers);
    cleanup.add('stop a worker', () => worker.stop());
    const api = await startMuse(servers);
    cleanup.add('stop an api', () => api.stop());
    apiUrls.push(api.url);
  }
  // Several apis share one address as behind a load balancer without sticky sessions.
  const proxy = options.nodes > 1 ? await startRoundRobinProxy(apiUrls) : null;
  if (proxy) cleanup.add('stop the proxy', () => proxy.stop());
  const entry = proxy?.url ?? apiUrls[0]!;
  log(
    `soak: Muse api at ${entry} ${proxy ? `(a round-robin proxy before ${options.nodes} apis, ${apiUrls.join(', ')}) and ${options.nodes} workers` : 'and a worker'} apart (Redis prefix ${redisPrefix})`,
  );

  const sessions = await signInPool(entry, databaseUrl, SESSIONS, BENCH_PASSWORD);
  const playlists = await readPlaylistTargets(databaseUrl, sessions);
  const db = await connect(databaseUrl);
  cleanup.add('close the Postgres probe', () => db.end());
  const targets = await readTargets(db, sessions);
  log(
    `soak: ${sessions.length} users signed in; ${targets.reviewIds.length} reviews to read, ${targets.reviewAlbums.length} albums to review, ${targets.follows.flat().length} people to follow`,
  );

  const clients = fork(path.join(__dirname, '../sockets/socket-clients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanup.add('stop the socket load process', async () => {
    if (clients.connected) clients.send({ type: 'close' });
  });
  const message = <T extends FromClients['type']>(type: T) =>
    new Promise<Extract<FromClients, { type: T }>>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the socket load process exited (${code}) before its ${type} message`));
      const listener = (m: FromClients) => {
        if (m.type !== type) return;
        clients.off('message', listener).off('exit', exited);
        resolve(m as Extract<FromClients, { type: T }>);
      };
      clients.on('message', listener).once('exit', exited);
    });
  const connected = message('connected');
  clients.send({
    type: 'connect',
    url: entry,
    cookies: sessions.map((s) => s.cookie),
    socketsPerUser: options.sockets / SESSIONS,
    albumId: WATCHED_ALBUM,
    watchers: WATCHERS,
  } satisfies ConnectOrder);
  const opened = await connected;
  log(
    `soak: ${opened.sockets} sockets connected in ${opened.seconds.toFixed(1)} s (${opened.failed} refused), ${opened.watching} watching album ${WATCHED_ALBUM}`,
  );

  const startedAt = new Date();
  const { next, writes } = soakRequests({ scale, sessions, playlists }, targets);
  cleanup.add('undo the follows and reviews', async () => {
    const undone = await undoWrites(entry, db, sessions, targets, writes.touched, startedAt);
    log(`soak: unfollowed ${undone.unfollowed} pairs, deleted ${undone.reviews} reviews and ${undone.notifications} notifications the soak made`);
  });
  const figures = new Map<string, RouteFigures>();
  let measuring = false;
  const onAnswer = (spec: RequestSpec, status: number, ms: number) => {
    if (!measuring) return;
    const route = spec.route ?? `${spec.method} ${spec.path}`;
    let f = figures.get(route);
    if (!f) figures.set(route, (f = new RouteFigures()));
    f.add(status, ms);
  };

  if (options.coldStart) {
    log('soak: cold start: measuring from the first request after the api started (no warm-up)');
  } else {
    log(`soak: warming up for ${options.warmupSeconds} s at ${options.rate} requests/s`);
    const warmup = await runLoad({
      baseUrl: entry,
      durationSeconds: options.warmupSeconds,
      connections: CONNECTIONS,
      rate: options.rate,
      nextRequest: next,
      onAnswer,
    });
    log(`soak: warm-up answered ${warmup.requests} requests (${warmup.errors} errors, not counted)`);
  }
  const start = await sample(apiUrls, metricsToken, db, redis);
  const samples: SoakSample[] = [start];
  log(`soak: start: api RSS ${(start.rssBytes / 2 ** 20).toFixed(1)} MB; ${options.minutes} minutes at ${options.rate} requests/s`);

  measuring = true;
  const seconds = options.minutes * 60;
  const began = performance.now();
  const ticker = setInterval(() => {
    const minute = Math.round((performance.now() - began) / 60_000);
    if (minute >= options.minutes) return;
    void sample(apiUrls, metricsToken, db, redis).then(
      (s) => {
        samples.push(s);
        const answered = [...figures.values()].reduce((n, f) => n + f.latencies.length, 0);
        log(
          `soak: minute ${minute}: ${answered} answers so far, api RSS ${(s.rssBytes / 2 ** 20).toFixed(1)} MB, heap used ${(s.heapUsedBytes / 2 ** 20).toFixed(1)} MB, event-loop p99 ${s.loopP99Ms.toFixed(1)} ms`,
        );
      },
      (err: unknown) => log(`soak: minute ${minute}: probe failed: ${String(err)}`),
    );
  }, 60_000);
  const result = await runLoad({
    baseUrl: entry,
    durationSeconds: seconds,
    connections: CONNECTIONS,
    rate: options.rate,
    nextRequest: next,
    onAnswer,
  }).finally(() => clearInterval(ticker));
  measuring = false;
  const end = await sample(apiUrls, metricsToken, db, redis);
  samples.push(end);
  const reported = message('report');
  clients.send({ type: 'report' });
  const socketReport = await reported;

  const routes = routeRows(figures, (performance.now() - began) / 1000);
  const byStatus: Record<string, number> = {};
  for (const [code, n] of Object.entries(result.statusCodes)) if (Number(code) >= 300) byStatus[code] = n;
  const non2xx = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const report = {
    minutes: options.minutes,
    offered_rate: options.rate,
    routes,
    errors: { total: result.errors, by_status: byStatus, timeouts_or_connection: Math.max(0, result.errors - non2xx) },
    start,
    end,
    rss_mb_by_minute: samples.map((s) => Math.round((s.rssBytes / 2 ** 20) * 10) / 10),
    heap_used_mb_by_minute: samples.map((s) => Math.round((s.heapUsedBytes / 2 ** 20) * 10) / 10),
    nodes: options.nodes,
    sockets: {
      wanted: options.sockets,
      connected_at_start: opened.sockets,
      connected_at_end: socketReport.connected,
      disconnects: socketReport.disconnects,
      album_updates: socketReport.stats.length,
    },
  };
  log('');
  const judged = { ...report, goals_met: goalsMet(report) };
  log(formatSoak(judged));
  log(`answered ${result.requests} requests in ${seconds} s (${result.rps.toFixed(1)}/s of ${options.rate}/s offered)`);
  for (const file of writeSoakReport(judged, options.outDir)) {
    log(`wrote ${path.relative(ROOT, file)}`);
  }
}

async function main(): Promise<void> {
  let options: SoakOptions | null;
  try {
    options = parseSoakOptions(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (!options) {
    log(USAGE);
    process.exit(0);
  }
  await runWithCleanup('soak', log, (cleanup) => soak(options, cleanup));
}

void main();
