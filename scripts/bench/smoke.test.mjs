// End-to-end tests of `npm run bench` on a tiny data set, with node's test runner:
//   node --test scripts/bench/smoke.test.mjs
// They need the same local Postgres and Redis as the server tests (BENCH_DATABASE_URL and
// BENCH_REDIS_URL override the defaults).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/muse_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const SCENARIOS = [
  'express-baseline',
  'album-page',
  'rate-album',
  'search',
  'review-list',
  'feed',
  'feed-500',
  'playlist-page',
  'playlist-add',
  'playlist-discover',
];
const BENCH_PASSWORD = 'muse-bench-password-1';
// With a MongoDB URL the document-store scenarios run a second time, on the mongo adapter.
const MONGO = Boolean(process.env.BENCH_MONGO_URL || process.env.MONGO_URL);
const MONGO_SCENARIOS = MONGO ? ['playlist-page [mongo]', 'playlist-add [mongo]', 'playlist-discover [mongo]'] : [];
const BUDGETS = [null, 50, 30, 60, 50, 80, 50, 50, 30, 60, ...(MONGO ? [50, 30, 60] : [])];
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function urlFor(database) {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs the bench CLI; `onStdout` sees every chunk and may return true to send SIGINT. */
function runBench(args, { env = {}, onStdout } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/bench.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      if (!interrupted && onStdout?.(stdout)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function query(database, sql, params = []) {
  const client = new pg.Client({ connectionString: urlFor(database) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function databaseExists(name) {
  return (await query('postgres', 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length === 1;
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

/** Starts the built api on the database (as the bench does) and resolves with its URL and a stop function. */
async function startApi(database, redisPrefix) {
  if (!fs.existsSync(path.join(ROOT, 'server/dist/main.js'))) {
    assert.equal(spawnSync('npm', ['run', 'build', '-w', 'server'], { cwd: ROOT, stdio: 'ignore' }).status, 0, 'server build');
  }
  const child = spawn(process.execPath, ['server/dist/main.js', '--role=api'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      // Production refuses to start without keys for provider tokens; a throwaway one per run.
      TOKEN_ENCRYPTION_KEYS: `smoke:${randomBytes(32).toString('base64')}`,
      DATABASE_URL: urlFor(database),
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO_CATALOG: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const match = /Muse is running at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`the api exited (${code}) before it was ready\n${out}`)));
  });
  return { url, stop };
}

/** Signs in as a user the way the web app does; answers the headers its requests carry. */
async function signIn(url, handle) {
  const csrf = await fetch(`${url}/api/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('muse_csrf='));
  const { csrfToken } = await csrf.json();
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
    body: JSON.stringify({ identifier: handle, password: BENCH_PASSWORD }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('muse_sid='));
  return { cookie: session, 'x-csrf-token': (await login.json()).csrfToken };
}

function runFacts(stdout) {
  return {
    database: /smoke data set in (muse_bench_smoke_[0-9a-f]+)/.exec(stdout)?.[1],
    prefix: /Redis prefix (muse-bench-[0-9a-f]+:)/.exec(stdout)?.[1],
    urls: [...stdout.matchAll(/(?:api|baseline|api and worker|provider sandbox) at (http:\/\/127\.0\.0\.1:\d+)/g)].map((m) => m[1]),
  };
}

/**
 * Reads generated playlists through the real api and compares them with the stored rows: a
 * 500-entry page signed out, an album list, a private playlist (404 to others), an append by a
 * writer to their own playlist, and both Discover sections.
 */
async function checkPlaylistsThroughTheApi(database) {
  const prefix = `muse-bench-smoke-${randomBytes(4).toString('hex')}:`;
  const api = await startApi(database, prefix);
  try {
    const [page] = await query(
      database,
      `SELECT d.id, d.entries FROM bench.scenario_playlists s JOIN doc_playlists d ON d.id = s.id WHERE s.role = 'page' LIMIT 1`,
    );
    const res = await fetch(`${api.url}/api/playlists/${page.id}`);
    assert.equal(res.status, 200);
    const view = await res.json();
    // The page answers its first 100 entries; the rest come from /entries a page at a time.
    assert.equal(view.entries.length, 100);
    for (let next = view.entriesNext; next !== null;) {
      const more = await (await fetch(`${api.url}/api/playlists/${page.id}/entries?offset=${next}`)).json();
      assert.equal(more.version, view.version);
      view.entries.push(...more.entries);
      next = more.next;
    }
    assert.equal(view.entries.length, 500);
    assert.deepEqual(
      view.entries.map((e) => ({
        id: e.id,
        trackId: e.trackId,
        albumId: e.albumId,
        snapshot: e.snapshot,
        serviceIds: e.serviceIds,
        note: e.note,
        addedBy: e.addedBy,
        addedAt: e.addedAt,
      })),
      page.entries,
    );
    const matched = view.entries.filter((e) => e.trackId);
    assert.ok(matched.length > 400, 'most entries point at catalog tracks');
    assert.ok(
      matched.every((e) => e.album && e.album.id === e.albumId && e.album.title === e.snapshot.album),
      'the catalog album of every track entry is found',
    );

    const [list] = await query(database, `SELECT id, entry_count FROM doc_playlists WHERE kind = 'list' AND visibility = 'public' ORDER BY id LIMIT 1`);
    const listView = await (await fetch(`${api.url}/api/playlists/${list.id}`)).json();
    assert.equal(listView.entries.length, list.entry_count);
    assert.ok(listView.entries.every((e) => e.trackId === null && e.album?.id === e.albumId && e.album.title === e.snapshot.title));

    const [hidden] = await query(
      database,
      `SELECT id FROM doc_playlists WHERE visibility = 'private' AND id NOT IN (SELECT id FROM bench.scenario_playlists) LIMIT 1`,
    );
    assert.equal((await fetch(`${api.url}/api/playlists/${hidden.id}`)).status, 404);

    const [target] = await query(
      database,
      `SELECT s.id, u.handle, d.version, d.entry_count FROM bench.scenario_playlists s JOIN users u ON u.id = s.owner_id JOIN doc_playlists d ON d.id = s.id
        WHERE s.role = 'add' LIMIT 1`,
    );
    const headers = await signIn(api.url, target.handle);
    const added = await fetch(`${api.url}/api/playlists/${target.id}/entries`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ trackId: '7' }),
    });
    assert.equal(added.status, 201, await added.clone().text());
    const write = await added.json();
    assert.deepEqual([write.version, write.entryCount, write.entries[0].trackId], [target.version + 1, target.entry_count + 1, '7']);

    const newest = await (await fetch(`${api.url}/api/playlists/discover?section=newest&limit=24`)).json();
    assert.equal(newest.items.length, 24);
    assert.ok(newest.items.every((p, i) => p.visibility === 'public' && (i === 0 || p.createdAt <= newest.items[i - 1].createdAt)));
    const popular = await (await fetch(`${api.url}/api/playlists/discover?section=popular&limit=24`, { headers })).json();
    assert.ok(popular.items.length > 5, 'this week has liked playlists');
    assert.ok(popular.items.every((p) => p.visibility === 'public' && p.likeCount > 0));
  } finally {
    await api.stop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

/**
 * The service-import job's line and JSON: the time as the bench and the server saw it, the calls
 * Spotify received for the import against their minimum (the playlist once, with its first 100
 * items embedded, and the other 1,900 a page of 100 at a time), never fewer than that minimum, and
 * no `GET /v1/me`: the connection hands the adapter the listener's id.
 */
function checkServiceImportJob(stdout, jobs) {
  assert.match(
    stdout,
    /^service-import: 2,000 tracks \(\d+ linked to the catalog\) in [\d.]+ s \(server: [\d.]+ s\); provider calls \d+, minimum 20; other work's calls meanwhile \d+; all calls by endpoint: /m,
  );
  assert.equal(jobs.length, 1);
  const [job] = jobs;
  assert.deepEqual([job.name, job.status, job.tracks, job.error], ['service-import', 'done', 2000, null]);
  assert.ok(job.seconds > 0 && job.server_seconds > 0 && job.server_seconds <= job.seconds, `times: ${job.seconds} s, server ${job.server_seconds} s`);
  assert.equal(job.minimum_provider_calls, 20);
  assert.equal(job.calls_by_endpoint['GET /v1/playlists/{id}'], 1);
  assert.equal(job.calls_by_endpoint['GET /v1/playlists/{id}/items'], 19);
  assert.equal(job.calls_by_endpoint['GET /v1/me'] ?? 0, 0);
  assert.ok(job.provider_calls >= job.minimum_provider_calls, `${job.provider_calls} calls, minimum ${job.minimum_provider_calls}`);
  const received = Object.values(job.calls_by_endpoint).reduce((a, b) => a + b, 0);
  assert.equal(job.provider_calls + job.other_provider_calls, received, "every call Spotify received is the import's or other work's");
}

describe('npm run bench', { timeout: 240_000 }, () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-bench-smoke-'));
  after(() => fs.rmSync(outDir, { recursive: true, force: true }));

  test('when the smoke bench runs with the service-import job, then it prints the table and the job, writes both JSON files with every scenario answered without errors, and leaves nothing behind', async () => {
    // Every load scenario (what a run without --scenario does) and the 2,000-track import on the same throwaway data set.
    const run = await runBench(['--smoke', '--out', outDir, ...[...SCENARIOS, 'service-import'].flatMap((name) => ['--scenario', name])]);
    assert.equal(run.code, 0, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);

    const table = run.stdout.slice(run.stdout.indexOf('scenario  '));
    assert.match(
      table,
      /^scenario\s+offered\/s\s+req\/s\s+p50 ms\s+p99 ms\s+errors\s+budget p99\s+verdict\s+max req\/s\s+vs express\s+cpu ms\/req\s+pg ms\/req$/m,
    );
    for (const name of [...SCENARIOS, ...MONGO_SCENARIOS]) assert.match(table, new RegExp(`^${escapeRegExp(name)} `, 'm'));
    assert.match(run.stdout, /express-baseline answers \d+(\.\d)? req\/s/);
    assert.match(run.stdout, /^ {2}.* max [\d.]+ req\/s, CPU per request: server [\d.]+ ms, Postgres [\d.]+ ms$/m);

    const files = fs.readdirSync(outDir).sort();
    assert.equal(files.length, 2);
    assert.ok(files.includes('latest.json'));
    assert.match(
      files.find((f) => f !== 'latest.json'),
      /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/,
    );
    const [stamped, latest] = files.map((f) => fs.readFileSync(path.join(outDir, f), 'utf8'));
    assert.equal(stamped, latest);

    const report = JSON.parse(latest);
    assert.deepEqual(Object.keys(report), ['machine', 'scenarios', 'jobs']);
    assert.deepEqual(Object.keys(report.machine).sort(), ['cores', 'cpu', 'memory_gb', 'node', 'os']);
    assert.equal(report.machine.node, process.version);
    assert.deepEqual(
      report.scenarios.map((s) => s.name),
      [...SCENARIOS, ...MONGO_SCENARIOS],
    );
    assert.deepEqual(
      report.scenarios.map((s) => s.budget_p99_ms),
      BUDGETS,
    );
    if (!MONGO) {
      assert.match(run.stdout, /^mongo: skipped the mongo document-store adapter: neither BENCH_MONGO_URL nor MONGO_URL is set/m);
    }
    for (const s of report.scenarios) {
      for (const field of ['rps', 'p50_ms', 'p99_ms', 'errors', 'max_rps']) assert.equal(typeof s[field], 'number', `${s.name}.${field}`);
      assert.ok(s.rps > 0 && s.max_rps > 0, `${s.name} answered nothing`);
      assert.ok(s.p99_ms >= s.p50_ms && s.p50_ms > 0, `${s.name} percentiles`);
      // Measured from /proc in 10 ms ticks, so a short phase may round to 0, never to null here.
      for (const part of ['server_ms', 'postgres_ms'])
        assert.ok(s.cpu_ms_per_request[part] >= 0, `${s.name} CPU per request: ${JSON.stringify(s.cpu_ms_per_request)}`);
      assert.equal(s.errors, 0, `${s.name} errors: ${JSON.stringify(s.status_codes)}`);
      assert.ok(
        Object.keys(s.status_codes).every((code) => code.startsWith('2')),
        `${s.name}: ${JSON.stringify(s.status_codes)}`,
      );
      const expected = s.budget_p99_ms === null ? '-' : s.p99_ms > s.budget_p99_ms || (s.target_rate && s.rps < 0.95 * s.target_rate) ? 'over' : 'ok';
      assert.equal(s.verdict, expected, `${s.name} verdict`);
      assert.match(table, new RegExp(`^${escapeRegExp(s.name)} .* ${expected === '-' ? '-' : expected} `, 'm'));
    }

    checkServiceImportJob(run.stdout, report.jobs);

    // The api and the baseline, and the job's api with its worker and its provider sandbox.
    const facts = runFacts(run.stdout);
    assert.ok(facts.database && facts.prefix && facts.urls.length === 4, run.stdout);
    assert.equal(await databaseExists(facts.database), false, 'the smoke database is dropped');
    assert.deepEqual(await redisKeys(facts.prefix), [], 'the Redis keys are deleted');
    for (const url of facts.urls) assert.equal(await answers(url), false, `${url} is stopped`);
  });

  test('when the bench gets Ctrl-C in the middle of a scenario, then it stops both servers, deletes its keys and drops its database', async () => {
    const run = await runBench(['--smoke', '--out', outDir, '--scenario', 'album-page'], {
      onStdout: (stdout) => stdout.includes('scenario: album-page'),
    });
    assert.equal(run.code, 130, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /SIGINT: stopping/);
    const facts = runFacts(run.stdout);
    assert.ok(facts.database && facts.prefix && facts.urls.length === 2, run.stdout);
    assert.equal(await databaseExists(facts.database), false);
    assert.deepEqual(await redisKeys(facts.prefix), []);
    for (const url of facts.urls) assert.equal(await answers(url), false, `${url} is stopped`);
  });

  test('when the arguments are wrong, then it exits with status 2 and says what is wrong, before touching anything', async () => {
    const cases = [
      [['--scenario', 'album-pages'], /unknown scenario "album-pages"; choose from express-baseline, album-page/],
      [['--duration', '0'], /--duration needs a positive number, got "0"/],
      [['--duration', 'abc'], /--duration needs a positive number, got "abc"/],
      [['--duration'], /--duration needs a value/],
      [['--sessions', '2.5'], /--sessions needs a positive whole number/],
      [['--scale', 'huge'], /--scale must be full or smoke/],
      [['--frobnicate'], /unknown argument "--frobnicate"/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runBench(args, { env: { BENCH_DATABASE_URL: urlFor('muse_bench_must_not_exist') } })));
    runs.forEach((run, i) => {
      const [args, message] = cases[i];
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
    assert.equal(await databaseExists('muse_bench_must_not_exist'), false);

    const help = await runBench(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: npm run bench -- \[options\]/);
  });

  test('when the data set is built, then its aggregates, counters, indexes and sequences are what the product would have written, a second run reuses it and --rebuild builds it anew', async () => {
    const database = `muse_bench_test_${randomBytes(4).toString('hex')}`;
    const env = { BENCH_DATABASE_URL: urlFor(database) };
    try {
      const first = await runBench(['--dataset-only', '--scale', 'smoke'], { env });
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /data set: built in \d+\.\d s/);

      const [counts] = await query(
        database,
        `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM albums)::int AS albums,
        (SELECT count(*) FROM tracks)::int AS tracks, (SELECT count(*) FROM album_ratings)::int AS ratings,
        (SELECT count(*) FROM reviews)::int AS reviews, (SELECT count(*) FROM doc_activity)::int AS activity,
        (SELECT count(*) FROM review_likes)::int AS likes, (SELECT count(DISTINCT password_hash) FROM users)::int AS hashes`,
      );
      assert.deepEqual(
        { ...counts, likes: counts.likes > 0 },
        { users: 400, albums: 300, tracks: 3000, ratings: 8000, reviews: 1000, activity: 5000, likes: true, hashes: 1 },
      );

      const [stats] = await query(
        database,
        `SELECT count(*)::int AS wrong FROM album_rating_stats s
        FULL JOIN (SELECT album_id, count(*)::int AS c, sum(value)::bigint AS total, array_agg(value) AS vs FROM album_ratings GROUP BY album_id) r USING (album_id)
        WHERE s.count IS DISTINCT FROM r.c OR s.sum IS DISTINCT FROM r.total
           OR s.histogram IS DISTINCT FROM ARRAY(SELECT (SELECT count(*) FROM unnest(r.vs) v WHERE v = i)::int FROM generate_series(1, 10) i)
           -- Every data-set rater is established at full weight: the trusted sums are the plain ones.
           OR s.weight_sum IS DISTINCT FROM r.c OR s.weighted_sum IS DISTINCT FROM r.total
           OR s.established_count IS DISTINCT FROM s.count OR s.established_histogram IS DISTINCT FROM s.histogram
           OR s.stable_weighted_sum IS DISTINCT FROM s.weighted_sum OR s.held_at IS NOT NULL`,
      );
      assert.equal(stats.wrong, 0, 'album_rating_stats matches the ratings');
      const [likes] = await query(
        database,
        `SELECT count(*)::int AS wrong FROM reviews r
        LEFT JOIN (SELECT review_id, count(*)::int AS n FROM review_likes GROUP BY review_id) l ON l.review_id = r.id
        WHERE r.like_count <> coalesce(l.n, 0)`,
      );
      assert.equal(likes.wrong, 0, 'reviews.like_count matches the likes');
      const [docs] = await query(
        database,
        `SELECT count(*)::int AS wrong FROM doc_activity
        WHERE doc->>'id' <> id::text OR doc->>'actorId' <> actor_id OR doc->>'type' <> type OR (doc->>'createdAt')::timestamptz <> created_at`,
      );
      assert.equal(docs.wrong, 0, 'activity documents agree with their columns');
      const [types] = await query(
        database,
        `SELECT count(*)::int AS wrong FROM doc_activity WHERE type NOT IN ('rated', 'reviewed', 'liked_review', 'listened')`,
      );
      assert.equal(types.wrong, 0, "activity uses the feed's types");
      const [graph] = await query(
        database,
        `SELECT count(*)::int AS follows, count(DISTINCT follower_id)::int AS followers,
        (SELECT count(*)::int FROM users u WHERE u.follower_count <> (SELECT count(*) FROM follows f WHERE f.followee_id = u.id)
                                             OR u.following_count <> (SELECT count(*) FROM follows f WHERE f.follower_id = u.id)) AS wrong_counts
        FROM follows`,
      );
      assert.deepEqual(graph, { follows: 200 * 50, followers: 200, wrong_counts: 0 });
      const [playlists] = await query(
        database,
        `SELECT count(*)::int AS docs, count(*) FILTER (WHERE entry_count >= 2000)::int AS big,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY entry_count)::int AS median, count(*) FILTER (WHERE kind = 'list')::int AS lists,
        count(*) FILTER (WHERE doc->'clonedFrom' <> 'null')::int AS clones, count(*) FILTER (WHERE entry_count <> jsonb_array_length(entries))::int AS wrong_counts,
        count(*) FILTER (WHERE visibility = 'public')::float / count(*) AS public_share
        FROM doc_playlists`,
      );
      assert.equal(playlists.docs, 2000);
      assert.equal(playlists.clones, 20);
      assert.equal(playlists.wrong_counts, 0, 'entry_count is the number of entries');
      assert.ok(playlists.big >= 10 && playlists.big <= 40, `about 1 % hold 2,000+ entries: ${playlists.big}`);
      assert.ok(playlists.median >= 35 && playlists.median <= 45, `median entries ${playlists.median}`);
      assert.ok(playlists.lists > 100 && playlists.public_share > 0.7 && playlists.public_share < 0.9, JSON.stringify(playlists));
      const [roles] = await query(
        database,
        `WITH writers AS (SELECT id FROM users WHERE handle ~ '_[0-9]+$' ORDER BY hashint8(id) LIMIT 200)
        SELECT count(*) FILTER (WHERE s.role = 'page' AND d.entry_count = 500 AND d.visibility = 'public' AND d.kind = 'playlist')::int AS pages,
               count(*) FILTER (WHERE s.role = 'add' AND d.owner_id = s.owner_id::text AND s.owner_id IN (SELECT id FROM writers))::int AS adds,
               (SELECT count(DISTINCT owner_id) FROM bench.scenario_playlists WHERE role = 'add')::int AS writers
        FROM bench.scenario_playlists s JOIN doc_playlists d ON d.id = s.id`,
      );
      assert.deepEqual(roles, { pages: 10, adds: 400, writers: 200 });
      const [counts2] = await query(
        database,
        `SELECT (SELECT count(*)::int FROM playlist_stats s
                  WHERE s.like_count <> (SELECT count(*) FROM playlist_likes l WHERE l.playlist_id = s.playlist_id)
                     OR s.clone_count <> (SELECT count(*) FROM playlist_clones c WHERE c.source_id = s.playlist_id)
                     OR s.owner_id::text <> (SELECT owner_id FROM doc_playlists d WHERE d.id = s.playlist_id)) AS wrong_stats,
                (SELECT count(*)::int FROM playlist_likes) AS likes,
                (SELECT count(*)::int FROM playlist_likes WHERE created_at > now() - interval '7 days') AS weekly_likes,
                (SELECT count(*)::int FROM playlist_likes l JOIN doc_playlists d ON d.id = l.playlist_id
                  WHERE d.visibility <> 'public' OR l.created_at < d.created_at OR l.user_id::text = d.owner_id) AS wrong_likes`,
      );
      assert.equal(counts2.wrong_stats, 0, 'playlist_stats match the likes and clones');
      assert.equal(counts2.likes, 5000);
      assert.ok(counts2.weekly_likes > 100, `likes this week: ${counts2.weekly_likes}`);
      assert.equal(counts2.wrong_likes, 0, 'likes are on public playlists, after they were made, never by the owner');
      await checkPlaylistsThroughTheApi(database);

      assert.equal((await query(database, `SELECT 1 FROM artists WHERE name = 'Björk'`)).length, 1);
      assert.equal(
        (await query(database, `SELECT 1 FROM search_word_variants WHERE variant = word AND word = 'bjork'`)).length,
        1,
        'the search lexicon knows the loaded names',
      );

      const indexes = (await query(database, `SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)).map((r) => r.indexname);
      for (const name of [
        'albums_search_trgm',
        'albums_search_fts',
        'tracks_search_fts',
        'search_word_variants_pkey',
        'album_ratings_album_idx',
        'reviews_album_popular_idx',
        'doc_activity_actor_id_idx',
      ]) {
        assert.ok(indexes.includes(name), `index ${name} is back`);
      }

      // The triggers are on again and the identity sequences continue after the generated ids.
      const [after] = await query(
        database,
        `WITH u AS (INSERT INTO users (handle, email, display_name, password_hash) VALUES ('late_comer', 'late@bench.muse.test', 'Late', 'x') RETURNING id),
        r AS (INSERT INTO album_ratings (user_id, album_id, value) SELECT id, 1, 10 FROM u RETURNING user_id)
        SELECT (SELECT id FROM u)::int AS id`,
      );
      assert.equal(after.id, 401);
      assert.equal(
        (await query(database, `SELECT 1 FROM search_word_variants WHERE variant = word AND word = 'comer'`)).length,
        1,
        'the lexicon trigger is on again',
      );
      const [stat] = await query(
        database,
        `SELECT s.count = (SELECT count(*) FROM album_ratings WHERE album_id = 1) AS ok FROM album_rating_stats s WHERE album_id = 1`,
      );
      assert.equal(stat.ok, true, 'the aggregate trigger counted the new rating');

      const second = await runBench(['--dataset-only', '--scale', 'smoke'], { env });
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /data set: reusing the smoke data set/);
      assert.equal((await query(database, `SELECT 1 FROM users WHERE handle = 'late_comer'`)).length, 1, 'reused, not rebuilt');

      const third = await runBench(['--dataset-only', '--scale', 'smoke', '--rebuild'], { env });
      assert.equal(third.code, 0, third.stderr);
      assert.match(third.stdout, /data set: built in/);
      assert.equal((await query(database, `SELECT 1 FROM users WHERE handle = 'late_comer'`)).length, 0, 'rebuilt from scratch');
    } finally {
      await query('postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });
});
