import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ImportView } from '@muse/shared';
import { makeAlbum } from '../testing/factories';
import { startTestRedisServer, type TestRedisServer } from '../testing/redis-process';
import { spawnMuse, type MuseProcess } from '../testing/spawn-muse';
import { createTestApp, type TestApp } from '../testing/test-app';
import { waitFor } from '../testing/wait-for';
import { missingAcknowledged, printFigures, RatingLoad, registerRater, since, type Rater } from './drill-kit';

// Drill: a worker process is SIGKILLed while it applies CSV imports (one transaction per row), under
// rating load on the api; a new worker takes the jobs over once their claim lapses (JOB_LOCK_MS).
const IMPORTERS = 3;
const ROWS = 60;
const RATERS = 3;
const JOB_LOCK_MS = 4_000;

let redis: TestRedisServer;
let app: TestApp;
const workers: MuseProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedisServer();
  app = await createTestApp({ redisUrl: redis.url, env: { WRITE_RATE_USER_MAX: '1000000' } });
});
afterAll(async () => {
  for (const w of workers) {
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await w.exited;
  }
  await app.close();
  await redis.stop();
});

function startWorker(): MuseProcess {
  const c = app.container;
  const worker = spawnMuse('worker', {
    DATABASE_URL: (c.knex.client as { config: { connection: { connectionString: string } } }).config.connection.connectionString,
    REDIS_URL: redis.url,
    REDIS_PREFIX: c.config.REDIS_PREFIX,
    TOKEN_ENCRYPTION_KEYS: `drill:${randomBytes(32).toString('base64')}`,
    PROVIDER_SANDBOX: 'off',
    JOB_LOCK_MS: String(JOB_LOCK_MS),
    JOB_BACKOFF_MS: '50',
    // Info, so the test sees when the worker has started.
    LOG_LEVEL: 'info',
  });
  workers.push(worker);
  return worker;
}

/** A Letterboxd diary export rating and logging each album once. */
function diaryCsv(): string {
  const lines = Array.from({ length: ROWS }, (_, i) => `2024-03-01,Drill Album ${i},2000,${(i % 10) / 2 + 0.5},,,,Drill Artist ${i}`);
  return ['Date,Name,Year,Rating,Rewatch,Tags,Review,Artist', ...lines].join('\n');
}

interface ImportState {
  id: string;
  status: string;
  apply_cursor: number;
}

async function importStates(ids: string[]): Promise<ImportState[]> {
  const rows: ImportState[] = await app.container.knex('imports').whereIn('id', ids).select('id', 'status', 'apply_cursor').orderBy('id');
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

async function countBy(table: string, userIds: string[], where: Record<string, unknown> = {}): Promise<Record<string, number>> {
  const rows: { user_id: string; n: string }[] = await app.container
    .knex(table)
    .where(where)
    .whereIn('user_id', userIds)
    .groupBy('user_id')
    .select('user_id', app.container.knex.raw('count(*) AS n'));
  return Object.fromEntries(userIds.map((u) => [u, Number(rows.find((r) => String(r.user_id) === u)?.n ?? 0)]));
}

it('when the worker is SIGKILLed while applying imports, then a new worker resumes them and every row is applied exactly once', async () => {
  const albums: string[] = [];
  for (let i = 0; i < ROWS; i += 1) albums.push((await makeAlbum(app, { title: `Drill Album ${i}`, artist: `Drill Artist ${i}`, year: 2000, tracks: [] })).id);
  const importers: Rater[] = await Promise.all(Array.from({ length: IMPORTERS }, () => registerRater(app.url)));
  const raters = await Promise.all(Array.from({ length: RATERS }, () => registerRater(app.url)));
  const load = new RatingLoad(app.url, raters, albums.slice(0, 40));
  const first = startWorker();
  load.start();
  let ids: string[] = [];
  let atKill: ImportState[] = [];
  let startedMs: number;
  let resumedMs = 0;
  let doneMs: number;
  try {
    for (const importer of importers) {
      const created = await importer.client.post('/api/imports', { source: 'letterboxd', csv: diaryCsv() });
      expect(created.status).toBe(202);
      ids.push(String(created.body.id));
    }
    ids = ids.sort((a, b) => Number(a) - Number(b));
    for (const [i, id] of ids.entries()) {
      const client = importers[i]!.client;
      await waitFor(`import ${id} to be read`, async () => ((await client.get(`/api/imports/${id}`)).body as ImportView).status === 'ready', 30_000);
      expect((await client.post(`/api/imports/${id}/confirm`, {})).status).toBe(202);
    }

    atKill = await waitFor(
      'every import to be part-applied',
      async () => {
        const states = await importStates(ids);
        return states.every((s) => s.status === 'applying' && s.apply_cursor >= 5) ? states : undefined;
      },
      30_000,
      5,
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const killedAt = performance.now();
    atKill = await importStates(ids);
    load.phase('worker killed');

    const second = startWorker();
    await waitFor('the new worker to start', () => /worker started/.test(second.output()), 30_000);
    startedMs = since(killedAt);
    await waitFor(
      'the imports to resume and finish',
      async () => {
        const states = await importStates(ids);
        if (!resumedMs && states.some((s, i) => s.apply_cursor > atKill[i]!.apply_cursor)) resumedMs = since(killedAt);
        return states.every((s) => s.status === 'done');
      },
      45_000,
    );
    doneMs = since(killedAt);
  } finally {
    await load.stop();
  }

  const userIds = importers.map((i) => i.userId);
  const diary = await countBy('diary_entries', userIds);
  const ratings = await countBy('album_ratings', userIds);
  const notices = await countBy('notifications', userIds, { type: 'import_finished' });
  const twice: unknown[] = await app.container
    .knex('diary_entries')
    .whereIn('user_id', userIds)
    .groupBy('user_id', 'album_id')
    .havingRaw('count(*) > 1')
    .select('user_id', 'album_id');
  const final = await app.container.knex('imports').whereIn('id', ids).select('applied', 'apply_cursor');
  const missing = await missingAcknowledged(app.container.knex, load.acknowledged);
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  printFigures(
    `drill worker-kill: ${IMPORTERS} import jobs of ${ROWS} rows; rows applied at the kill: ${atKill.map((s) => s.apply_cursor).join(', ')}; ` +
      `new worker started ${startedMs} ms, imports resumed ${resumedMs} ms and finished ${doneMs} ms after the kill (JOB_LOCK_MS=${JOB_LOCK_MS}); ` +
      `diary entries ${total(diary)}, ratings ${total(ratings)}, finished notices ${total(notices)} (expected ${IMPORTERS * ROWS}, ${IMPORTERS * ROWS}, ${IMPORTERS}); ` +
      `load meanwhile: ${load.describe()}; ${missing.length} acknowledged ratings missing`,
  );

  expect(atKill.some((s) => s.apply_cursor < ROWS)).toBe(true);
  for (const userId of userIds) {
    expect({ userId, diary: diary[userId], ratings: ratings[userId], notices: notices[userId] }).toEqual({ userId, diary: ROWS, ratings: ROWS, notices: 1 });
  }
  expect(twice).toEqual([]);
  expect(final.map((r: { applied: number; apply_cursor: number }) => [r.applied, r.apply_cursor])).toEqual(ids.map(() => [ROWS, ROWS]));
  expect(Object.keys(load.totals().counts)).toEqual(['ok']);
  expect(missing).toEqual([]);
}, 150_000);
