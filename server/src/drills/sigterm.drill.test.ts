import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createKnex, type Knex } from '../db/knex';
import { startTestRedisServer, type TestRedisServer } from '../testing/redis-process';
import { spawnMuse, type MuseProcess } from '../testing/spawn-muse';
import { createTestDatabase, createTestRedisPrefix } from '../testing/test-infra';
import { waitFor } from '../testing/wait-for';
import { makeAlbums, missingAcknowledged, printFigures, RatingLoad, registerRater, since } from './drill-kit';

// Drill: an api process (spawned, with its own database and Redis) gets SIGTERM in the middle of a burst of rating writes.
const RATERS = 8;
const ALBUMS = 60;

let redis: TestRedisServer;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let knex: Knex;
let muse: MuseProcess | undefined;

beforeAll(async () => {
  redis = await startTestRedisServer();
  db = await createTestDatabase('drill');
  knex = createKnex(db.url);
});
afterAll(async () => {
  if (muse && muse.child.exitCode === null && muse.child.signalCode === null) {
    muse.child.kill('SIGKILL');
    await muse.exited;
  }
  await knex.destroy();
  await db.drop();
  await redis.stop();
});

it('when the api gets SIGTERM during a burst of writes, then it answers what it took, refuses the rest, exits 0, and every acknowledged write is stored', async () => {
  const { prefix } = createTestRedisPrefix('drill', redis.url);
  muse = spawnMuse('api', {
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    HOST: '127.0.0.1',
    PORT: '0',
    TOKEN_ENCRYPTION_KEYS: `drill:${randomBytes(32).toString('base64')}`,
    PROVIDER_SANDBOX: 'off',
    WRITE_RATE_USER_MAX: '1000000',
    API_RATE_IP_MAX: '1000000',
    LOGIN_RATE_IP_MAX: '1000',
  });
  const url = await muse.url;
  const albums = await makeAlbums(knex, ALBUMS);
  const raters = await Promise.all(Array.from({ length: RATERS }, () => registerRater(url)));
  const load = new RatingLoad(url, raters, albums);
  load.start();
  let exitedMs: number;
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  try {
    await waitFor('the burst to be answered', () => load.count('ok') >= 200, 30_000);
    load.phase('after SIGTERM');
    const termAt = performance.now();
    muse.child.kill('SIGTERM');
    exit = await muse.exited;
    exitedMs = since(termAt);
    await waitFor('every client to be refused', () => load.count('refused', 'after SIGTERM') >= RATERS, 10_000);
  } finally {
    await load.stop();
  }

  const missing = await missingAcknowledged(knex, load.acknowledged);
  printFigures(
    `drill sigterm: ${load.describe()}; exited with ${exit.code ?? exit.signal} ${exitedMs} ms after SIGTERM; ${missing.length} acknowledged ratings missing`,
  );

  expect(exit).toEqual({ code: 0, signal: null });
  expect(muse.output()).toMatch(/shutdown complete/);
  // Requests under way were answered; later ones found the port closed (or their idle keep-alive connection closed under them).
  expect(Object.keys(load.totals().counts).filter((k) => !['ok', 'refused', 'reset'].includes(k))).toEqual([]);
  expect(missing).toEqual([]);
}, 120_000);
