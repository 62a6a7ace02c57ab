// End-to-end test of `npm run bench:soak` on a tiny data set, with node's test runner:
//   node --test scripts/bench/soak/soak.test.mjs
// It needs the same local Postgres and Redis as the server tests (BENCH_DATABASE_URL and
// BENCH_REDIS_URL override the defaults).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/muse_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
// Every route of the mix but the unfollow, which a short run may not reach (a pair is unfollowed
// only on its second draw), with the budget of the bench scenario it reuses.
const ROUTES = {
  'GET /api/albums/:id': 50,
  'GET /api/albums/:id/reviews': 50,
  'GET /api/feed': 80,
  'PUT /api/albums/:id/rating': 30,
  'GET /api/search': 60,
  'GET /api/playlists/:id': 50,
  'POST /api/playlists/:id/entries': 30,
  'GET /api/reviews/:id': null,
  'POST /api/albums/:id/reviews': null,
  'PUT /api/users/:handle/follow': null,
};

function runSoak(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/soak/soak.ts', ...args], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function databaseExists(name) {
  const url = new URL(PG_URL);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

async function redisKeys(prefix) {
  const redis = new Redis(REDIS_URL);
  try {
    return await redis.keys(`${prefix}*`);
  } finally {
    redis.disconnect();
  }
}

async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-soak-smoke-'));
after(() => fs.rmSync(outDir, { recursive: true, force: true }));

test(
  'when a short soak runs on the smoke data set, then it prints every route and goal, writes its JSON, undoes its follows and reviews and leaves nothing behind',
  { timeout: 300_000 },
  async () => {
    const run = await runSoak(['--smoke', '--minutes', '0.25', '--warmup', '3', '--rate', '100', '--sockets', '200', '--out', outDir]);
    assert.equal(run.code, 0, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);

    for (const route of Object.keys(ROUTES)) assert.match(run.stdout, new RegExp(`^${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'));
    assert.match(run.stdout, /^errors: 0 {2}goal 0 {2}ok$/m);
    assert.match(run.stdout, /^api RSS: [\d.]+ MB at start, [\d.]+ MB at end \([+-][\d.]+ %\) {2}goal < \+10 % {2}(ok|MISSED)$/m);
    assert.match(run.stdout, /^api heap used by minute \(MB\): [\d.]+(, [\d.]+)* {2}\(no goal;/m);
    assert.match(run.stdout, /^api event-loop delay p99: [\d.]+ ms over the warm-up, [\d.]+ ms over the last minute/m);
    assert.match(run.stdout, /^Postgres connections to the data set's database \(pg_stat_activity\): \d+ at start, \d+ at end/m);
    assert.match(run.stdout, /^Redis clients \(INFO clients, the whole server\): \d+ at start, \d+ at end/m);
    assert.match(run.stdout, /^sockets: 200 of 200 connected at start, 200 at end, 0 disconnects {2}goal: all stay {2}ok$/m);

    const files = fs.readdirSync(outDir).sort();
    assert.equal(files.length, 2);
    assert.ok(files.includes('latest.json'));
    const report = JSON.parse(fs.readFileSync(path.join(outDir, 'latest.json'), 'utf8'));
    assert.equal(report.errors.total, 0);
    for (const [route, budget] of Object.entries(ROUTES)) {
      const row = report.routes.find((r) => r.route === route);
      assert.ok(row && row.requests > 0, `${route} answered nothing`);
      assert.equal(row.budget_p99_ms, budget, `${route} budget`);
      assert.ok(row.p99_ms >= row.p50_ms && row.p50_ms > 0, `${route} percentiles`);
      assert.ok(
        Object.keys(row.status_codes).every((code) => code.startsWith('2')),
        `${route}: ${JSON.stringify(row.status_codes)}`,
      );
      assert.equal(row.verdict, budget === null ? '-' : row.p99_ms <= budget ? 'ok' : 'over', `${route} verdict`);
    }
    for (const s of [report.start, report.end]) {
      assert.ok(s.rssBytes > 0 && s.heapUsedBytes > 0 && s.loopP99Ms > 0 && s.postgresConnections > 0 && s.redisClients > 0, JSON.stringify(s));
    }

    // Every review the measured part wrote (the warm-up wrote more) was deleted again, and the follows undone.
    const written = report.routes.find((r) => r.route === 'POST /api/albums/:id/reviews').status_codes['201'];
    const undone = /^soak: unfollowed (\d+) pairs, deleted (\d+) reviews and (\d+) notifications the soak made$/m.exec(run.stdout);
    assert.ok(undone, run.stdout);
    assert.ok(Number(undone[1]) > 0 && Number(undone[2]) >= written, undone[0]);

    const database = /^soak: smoke data set in database (\S+)$/m.exec(run.stdout)?.[1];
    const prefix = /\(Redis prefix (\S+)\)/.exec(run.stdout)?.[1];
    const api = /^soak: Muse api at (\S+) /m.exec(run.stdout)?.[1];
    assert.ok(database && prefix && api, run.stdout);
    assert.equal(await databaseExists(database), false, 'the smoke database is dropped');
    assert.deepEqual(await redisKeys(prefix), [], 'the Redis keys are deleted');
    assert.equal(await answers(api), false, 'the api is stopped');
  },
);

test('when --cold-start is given with --warmup, then the soak refuses with a message and exit code 2', async () => {
  const run = await runSoak(['--cold-start', '--warmup', '5']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--cold-start measures without a warm-up/);
});

test(
  'when a short soak runs on two apis and two workers behind the round-robin proxy, then every answer is a 2xx, every socket stays connected and nothing is left behind',
  { timeout: 300_000 },
  async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-soak-nodes-'));
    try {
      const run = await runSoak(['--smoke', '--nodes', '2', '--minutes', '0.2', '--warmup', '2', '--rate', '100', '--sockets', '200', '--out', out]);
      assert.equal(run.code, 0, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /^nodes: 2 apis and 2 workers behind a round-robin proxy/m);
      const report = JSON.parse(fs.readFileSync(path.join(out, 'latest.json'), 'utf8'));
      assert.equal(report.nodes, 2);
      assert.equal(report.errors.total, 0, JSON.stringify(report.errors));
      assert.ok(report.routes.length >= Object.keys(ROUTES).length - 1, JSON.stringify(report.routes.map((r) => r.route)));
      assert.deepEqual(report.sockets, { ...report.sockets, wanted: 200, connected_at_start: 200, connected_at_end: 200, disconnects: 0 });

      const apis = /\(a round-robin proxy before 2 apis, (\S+), (\S+)\)/.exec(run.stdout);
      const database = /^soak: smoke data set in database (\S+)$/m.exec(run.stdout)?.[1];
      const prefix = /\(Redis prefix (\S+)\)/.exec(run.stdout)?.[1];
      assert.ok(apis && database && prefix, run.stdout);
      assert.equal(await databaseExists(database), false, 'the smoke database is dropped');
      assert.deepEqual(await redisKeys(prefix), [], 'the Redis keys are deleted');
      for (const url of apis.slice(1)) assert.equal(await answers(url), false, `${url} is stopped`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  },
);

test(
  'when a cold-start soak runs, then it measures from the first request after the api started, with no warm-up, and reports every route',
  { timeout: 300_000 },
  async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-soak-cold-'));
    try {
      const run = await runSoak(['--smoke', '--cold-start', '--minutes', '0.2', '--rate', '50', '--sockets', '200', '--out', out]);
      assert.equal(run.code, 0, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /^soak: cold start: measuring from the first request after the api started \(no warm-up\)$/m);
      assert.doesNotMatch(run.stdout, /warming up/);
      const report = JSON.parse(fs.readFileSync(path.join(out, 'latest.json'), 'utf8'));
      assert.equal(report.minutes, 0.2);
      // A cold api on a busy test machine may be slow (that is the figure); it must not answer wrongly.
      assert.deepEqual(report.errors.by_status, {}, JSON.stringify(report.errors));
      assert.ok(report.routes.length >= Object.keys(ROUTES).length - 1, JSON.stringify(report.routes.map((r) => r.route)));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  },
);
