import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startTestRedisServer, type TestRedisServer } from '../testing/redis-process';
import { createTestApp, type TestApp } from '../testing/test-app';
import { waitFor } from '../testing/wait-for';
import { makeAlbums, missingAcknowledged, printFigures, RatingLoad, readiness, registerRater, since } from './drill-kit';

// Drill: every Postgres connection of the api is terminated (pg_terminate_backend), three times, under load.
const RATERS = 6;
const ALBUMS = 60;
const KILLS = 3;

let redis: TestRedisServer;
let app: TestApp;

beforeAll(async () => {
  redis = await startTestRedisServer();
  app = await createTestApp({ redisUrl: redis.url, env: { WRITE_RATE_USER_MAX: '1000000' } });
});
afterAll(async () => {
  await app.close();
  await redis.stop();
});

/** Terminates every connection to `database` but the caller's own; answers how many. */
async function terminateConnections(database: string): Promise<number> {
  const admin = new Client({ connectionString: process.env.TEST_PG_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
      database,
    ]);
    return rows.filter((r: { killed: boolean }) => r.killed).length;
  } finally {
    await admin.end();
  }
}

it('when the api’s Postgres connections are terminated under load, then it answers throughout (503 at worst), its pool recovers, and every acknowledged rating is stored', async () => {
  const { knex } = app.container;
  const database = (await knex.raw('SELECT current_database() AS db')).rows[0].db as string;
  const albums = await makeAlbums(app, ALBUMS);
  const raters = await Promise.all(Array.from({ length: RATERS }, () => registerRater(app.url)));
  const load = new RatingLoad(app.url, raters, albums);
  load.start();
  const killed: number[] = [];
  let recoveryMs: number;
  try {
    await waitFor('the load to be answered', () => load.count('ok') >= 100, 30_000);

    load.phase('kills');
    for (let i = 0; i < KILLS; i += 1) {
      const okBefore = load.count('ok', 'kills');
      killed.push(await terminateConnections(database));
      await waitFor(`ratings acknowledged after kill ${i + 1}`, () => load.count('ok', 'kills') >= okBefore + 30, 30_000);
    }

    load.phase('after');
    const lastKillAt = performance.now();
    await waitFor('/readyz to answer 200', async () => (await readiness(app.url)).status === 200, 10_000);
    recoveryMs = since(lastKillAt);
    await waitFor('ratings acknowledged after the kills', () => load.count('ok', 'after') >= 100, 30_000);
  } finally {
    await load.stop();
  }

  const missing = await missingAcknowledged(knex, load.acknowledged);
  printFigures(
    `drill postgres-kill: ${load.describe()}; connections terminated per kill: ${killed.join(', ')}; ready ${recoveryMs} ms after the last kill; ${missing.length} acknowledged ratings missing`,
  );

  expect(killed.every((n) => n > 0)).toBe(true);
  // No timeout, no 500: a request that lost its connection answers 503 problem+json at worst.
  expect(Object.keys(load.totals().counts).filter((k) => k !== 'ok' && k !== 'unavailable')).toEqual([]);
  expect(Object.keys(load.figures('after').counts)).toEqual(['ok']);
  expect(missing).toEqual([]);
}, 120_000);
