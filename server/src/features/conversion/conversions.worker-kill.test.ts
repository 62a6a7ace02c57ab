import { randomBytes } from 'node:crypto';
import type { ConversionView } from '@muse/shared';
import { spawnMuse, type MuseProcess } from '../../testing/spawn-muse';
import { useTestApp } from '../../testing/test-app';
import { registerPerson } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { connect, duplicates, finished, playlistIds, playlistOfSize, providerOf, reportRows } from './conversion-test-kit';

// The api runs in this process; workers run in child processes, so one can be killed mid-write.
// The workers share the api's token key, so they can open the connections it stored.
const TOKEN_KEYS = `kill:${randomBytes(32).toString('base64')}`;
const app = useTestApp({ sandbox: true, env: { TOKEN_ENCRYPTION_KEYS: TOKEN_KEYS } });
const running: MuseProcess[] = [];
const LOCK_MS = 5000;

afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
});

function startWorker(): MuseProcess {
  const c = app.container;
  const worker = spawnMuse('worker', {
    DATABASE_URL: (c.knex.client as { config: { connection: { connectionString: string } } }).config.connection.connectionString,
    REDIS_URL: c.redisUrl,
    REDIS_PREFIX: c.config.REDIS_PREFIX,
    TOKEN_ENCRYPTION_KEYS: TOKEN_KEYS,
    PROVIDER_SANDBOX: 'on',
    PROVIDER_SANDBOX_URL: app.sandbox!.url,
    LOG_LEVEL: 'warn',
    // A dead worker's job is handed on once its lock expires: 5 s instead of the default 30 s.
    JOB_LOCK_MS: String(LOCK_MS),
  });
  running.push(worker);
  return worker;
}

it('when the worker is SIGKILLed while appending to Apple Music, then another worker finishes the conversion with no track written twice', async () => {
  const me = await registerPerson(app);
  await connect(app, me.id);
  const source = await playlistOfSize(await providerOf(app, me.id, 'spotify'), 300);
  // Slow answers keep the append in flight long enough to be killed inside it.
  app.sandbox!.knobs.set({ service: 'apple', slowMs: 150 });
  const res = await me.client.post('/api/conversions', { source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple' });
  expect(res.status).toBe(202);
  const id = (res.body as ConversionView).id;

  const first = startWorker();
  await waitFor('a write in flight', async () => (await app.container.knex('conversions').where({ id }).first())?.pending_write !== null, 60_000, 10).catch(
    (err: Error) => {
      throw new Error(`${err.message}; the worker said:\n${first.output().slice(-3000)}`);
    },
  );
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  const atKill = await app.container.knex('conversions').where({ id }).first();
  expect(atKill.status).toBe('running');
  expect(atKill.pending_write).not.toBeNull();

  app.sandbox!.knobs.set({ service: 'apple', slowMs: 0 });
  startWorker();
  // BullMQ hands the dead worker's job to the live one once its lock has expired (LOCK_MS, checked every LOCK_MS).
  const done = await finished(me.client, id, 150_000);
  expect(done).toMatchObject({ status: 'done', processed: 300 });

  const rows = await reportRows(me.client, id);
  expect(rows.map((r) => r.index)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  const onApple = await playlistIds(await providerOf(app, me.id, 'apple'), done.targetPlaylist!.id);
  expect(duplicates(onApple)).toEqual([]);
  expect(onApple).toEqual([...new Set(rows.filter((r) => r.written).map((r) => r.chosen!.id))]);
  expect(done.written).toBe(onApple.length);
}, 240_000);
