import { performance } from 'node:perf_hooks';
import { startTestRedisServer, type TestRedisServer } from '../testing/redis-process';
import { createTestApp, type TestApp } from '../testing/test-app';
import { waitFor } from '../testing/wait-for';
import { makeAlbums, missingAcknowledged, printFigures, RatingLoad, readiness, registerRater, since } from './drill-kit';

// Drill: the api's Redis (a redis-server of this test's own) is killed under load and started again, empty.
const RATERS = 6;
const ALBUMS = 60;
const RECOVERY_DEADLINE_MS = 10_000;

let redis: TestRedisServer;
let app: TestApp;

beforeAll(async () => {
  redis = await startTestRedisServer();
  app = await createTestApp({ redisUrl: redis.url, env: { WRITE_RATE_USER_MAX: '1000000' } });
});
afterAll(async () => {
  // A failed drill may have left Redis stopped; closing the app needs it.
  await redis.start();
  await app.close();
  await redis.stop();
});

it('when Redis is stopped under load and started again, then requests fail fast with 503, /readyz names Redis, all recovers by itself within 10 s and no acknowledged rating is lost', async () => {
  const albums = await makeAlbums(app, ALBUMS);
  const raters = await Promise.all(Array.from({ length: RATERS }, () => registerRater(app.url)));
  const load = new RatingLoad(app.url, raters, albums);
  load.start();
  let readyzNamedRedisMs: number;
  let recoveryMs: number;
  try {
    await waitFor('the load to be answered', () => load.count('ok') >= 100, 30_000);

    load.phase('redis down');
    const stoppedAt = performance.now();
    await redis.stop();
    const notReady = await waitFor('/readyz to answer 503 naming Redis', async () => {
      const r = await readiness(app.url);
      return r.status === 503 && /redis/.test(r.detail ?? '') ? r : undefined;
    });
    readyzNamedRedisMs = since(stoppedAt);
    expect(notReady.detail).toMatch(/redis/);
    await waitFor('requests refused while Redis is down', () => load.count('unavailable', 'redis down') >= 100, 30_000);

    load.phase('recovering');
    await redis.start();
    const returnedAt = performance.now();
    // The deadline is the promise under test: ready and taking ratings again within 10 s, unaided.
    await waitFor(
      '/readyz and a rating write to succeed again',
      async () => (await readiness(app.url)).status === 200 && (await load.probe()),
      RECOVERY_DEADLINE_MS,
    );
    recoveryMs = since(returnedAt);

    load.phase('after');
    await waitFor('ratings acknowledged after recovery', () => load.count('ok', 'after') >= 100, 30_000);
  } finally {
    await load.stop();
  }

  const missing = await missingAcknowledged(app.container.knex, load.acknowledged);
  printFigures(
    `drill redis-outage: ${load.describe()}; /readyz named redis ${readyzNamedRedisMs} ms after the kill; recovered ${recoveryMs} ms after Redis returned; ${missing.length} acknowledged ratings missing`,
  );

  const down = load.figures('redis down');
  // Only requests already past Redis when it died may still succeed; the rest are refused at once.
  expect(Object.keys(down.counts).filter((k) => k !== 'unavailable' && k !== 'ok')).toEqual([]);
  // No timeout: every request was answered within CLIENT_TIMEOUT_MS.
  expect(Object.keys(load.totals().counts).filter((k) => !['ok', 'unavailable', 'signed_out'].includes(k))).toEqual([]);
  expect(missing).toEqual([]);
}, 120_000);
