import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ConversionProgress, ConversionView, ServerToClientEvents } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { registerPerson, type TestPerson } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { conversionJob } from './conversion.job';
import { connect, duplicates, finished, playlistIds, playlistOfSize, providerOf, reportRows } from './conversion-test-kit';

// The sandbox's clock can be moved on, so every access token it handed out expires at once.
let clockOffsetMs = 0;
// A short bound on the total rate-limit wait, so giving up is reached within the test.
const app = useTestApp({ sandbox: { now: () => Date.now() + clockOffsetMs }, worker: true, env: { CONVERSION_MAX_RATE_LIMIT_WAIT_SECONDS: '20' } });

let me: TestPerson;
const sockets: Socket[] = [];
afterAll(() => sockets.forEach((s) => s.disconnect()));

beforeEach(async () => {
  await app.container.knex('provider_connections').delete();
  // What earlier conversions found is shared by all; each test starts from a service asked afresh.
  await app.container.knex('track_counterparts').delete();
  app.sandbox!.knobs.reset();
  clockOffsetMs = 0;
  me = await registerPerson(app);
  await connect(app, me.id);
});

async function start(body: unknown): Promise<ConversionView> {
  const res = await me.client.post('/api/conversions', body);
  if (res.status !== 202) throw new Error(`conversion refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ConversionView;
}

async function spotifyToApple(size: number, name?: string): Promise<ConversionView> {
  const source = await playlistOfSize(await providerOf(app, me.id, 'spotify'), size);
  return start({ source: { kind: 'service', provider: 'spotify', playlistId: source.id }, target: 'apple', ...(name ? { name } : {}) });
}

/** The target holds exactly the tracks the report says were written, each once. */
async function expectTargetMatchesReport(view: ConversionView): Promise<string[]> {
  const rows = await reportRows(me.client, view.id);
  const onTarget = await playlistIds(await providerOf(app, me.id, view.target as 'spotify' | 'apple'), view.targetPlaylist!.id);
  expect(duplicates(onTarget)).toEqual([]);
  // A track the source holds twice is written once; both rows say it is in the target.
  expect(onTarget).toEqual([...new Set(rows.filter((r) => r.written).map((r) => r.chosen!.id))]);
  expect(view.written).toBe(onTarget.length);
  return onTarget;
}

async function listen(as: TestPerson = me): Promise<ConversionProgress[]> {
  const socket: Socket<ServerToClientEvents> = connectSocket(app.url, {
    transports: ['websocket'],
    extraHeaders: { cookie: as.client.cookieHeader() },
    reconnection: false,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
  const heard: ConversionProgress[] = [];
  socket.on('conversion:progress', (p) => heard.push(p));
  return heard;
}

it('when Apple Music throttles every few calls, then the result is complete and unduplicated, and the wait is published with its end', async () => {
  const heard = await listen();
  const overheard = await listen(await registerPerson(app));
  app.sandbox!.knobs.set({ service: 'apple', throttle: { everyN: 3, retryAfterSeconds: 1 } });
  const view = await spotifyToApple(50);
  const done = await finished(me.client, view.id);
  expect(done).toMatchObject({ status: 'done', processed: 50 });
  await expectTargetMatchesReport(done);
  expect(done.calls.made).toBeGreaterThan(done.calls.minimum);
  const waits = heard.filter((p) => p.conversionId === view.id && p.waitingUntil !== null);
  expect(waits.length).toBeGreaterThan(0);
  expect(Number.isNaN(Date.parse(waits[0]!.waitingUntil!))).toBe(false);
  await waitFor('the finished state on the socket', () => heard.some((p) => p.conversionId === view.id && p.status === 'done'));
  // Progress goes to the converting user's room only.
  expect(overheard).toEqual([]);
});

it('when the rate limits go on past the bounded total wait, then the conversion fails saying so and keeps its report', async () => {
  app.sandbox!.knobs.set({ service: 'apple', throttle: { always: true, retryAfterSeconds: 2 } });
  const view = await start({
    source: { kind: 'service', provider: 'spotify', playlistId: (await playlistOfSize(await providerOf(app, me.id, 'spotify'), 5)).id },
    target: 'apple',
  });
  const done = await finished(me.client, view.id, 90_000);
  expect(done.status).toBe('failed');
  expect(done.error).toMatch(/slow down/);
}, 100_000);

it('when Apple Music answers 503 a few times and then truncated bodies, then the job backs off, retries and finishes without duplicates', async () => {
  app.sandbox!.knobs.set({ service: 'apple', fail: { status: 503, times: 3 } });
  const first = await finished(me.client, (await spotifyToApple(50)).id);
  expect(first.status).toBe('done');
  await expectTargetMatchesReport(first);

  app.sandbox!.knobs.set({ service: 'apple', fail: { status: 500, times: 3, mode: 'truncated' } });
  const second = await finished(me.client, (await spotifyToApple(50)).id);
  expect(second.status).toBe('done');
  await expectTargetMatchesReport(second);
  expect(second.written).toBe(first.written);
});

it('when a call to Spotify times out, then it is retried and the conversion finishes', async () => {
  app.sandbox!.knobs.set({ service: 'spotify', fail: { status: 503, times: 1, mode: 'timeout' } });
  const done = await finished(me.client, (await spotifyToApple(5)).id, 90_000);
  expect(done).toMatchObject({ status: 'done', processed: 5 });
  await expectTargetMatchesReport(done);
}, 100_000);

it('when a finished job runs again, then nothing more is written and the report stays', async () => {
  const done = await finished(me.client, (await spotifyToApple(50)).id);
  const before = await expectTargetMatchesReport(done);
  const rowsBefore = await reportRows(me.client, done.id);
  await app.container.queues.enqueue(conversionJob, { conversionId: done.id }, { jobId: `again-${done.id}` });
  await waitFor('the repeated job to settle', async () => (await app.container.queues.byName.conversions.getJobCounts('active', 'waiting')).waiting === 0);
  await waitFor('no job active', async () => (await app.container.queues.byName.conversions.getActiveCount()) === 0);
  expect(await playlistIds(await providerOf(app, me.id, 'apple'), done.targetPlaylist!.id)).toEqual(before);
  expect(await reportRows(me.client, done.id)).toEqual(rowsBefore);
  expect((await me.client.get(`/api/conversions/${done.id}`)).body).toMatchObject({ status: 'done', written: done.written });
});

it('when a conversion is cancelled mid-run, then it stops cleanly, keeps its report and the target holds exactly what the report says', async () => {
  app.sandbox!.knobs.set({ service: 'apple', slowMs: 30 });
  const view = await spotifyToApple(2000);
  await waitFor(
    'the first pages to be converted',
    async () => ((await me.client.get(`/api/conversions/${view.id}`)).body as ConversionView).processed >= 100,
    60_000,
  );
  const res = await me.client.post(`/api/conversions/${view.id}/cancel`);
  expect(res.status).toBe(202);
  expect(res.body.status).toBe('cancelled');
  await waitFor('the job to stop', async () => (await app.container.queues.byName.conversions.getActiveCount()) === 0, 60_000);
  const stopped = (await me.client.get(`/api/conversions/${view.id}`)).body as ConversionView;
  expect(stopped.status).toBe('cancelled');
  expect(stopped.processed).toBeLessThan(2000);
  const rows = await reportRows(me.client, view.id);
  expect(rows.length).toBe(stopped.processed);
  await expectTargetMatchesReport(stopped);
}, 120_000);

it('when every access token expires mid-job, then the job refreshes its tokens and finishes', async () => {
  const entries = app
    .sandbox!.catalog.spotify.tracks.filter((t) => t.playable)
    .slice(0, 120)
    .map((t) => ({ snapshot: { title: t.name, artists: t.artists.map((a) => a.name), durationMs: t.durationMs, isrc: t.isrc } }));
  const pl = await me.client.post('/api/playlists', { title: 'Expiring', kind: 'playlist', visibility: 'private' });
  expect((await me.client.post(`/api/playlists/${pl.body.id}/entries`, { entries })).status).toBe(201);
  const view = await start({ source: { kind: 'muse', playlistId: pl.body.id }, target: 'spotify' });
  await waitFor('the first page', async () => ((await me.client.get(`/api/conversions/${view.id}`)).body as ConversionView).processed >= 100, 60_000);
  clockOffsetMs = 2 * 3600_000;
  const done = await finished(me.client, view.id, 90_000);
  expect(done).toMatchObject({ status: 'done', processed: 120 });
  await expectTargetMatchesReport(done);
  const row = await app.container.knex('provider_connections').where({ user_id: me.id, provider: 'spotify' }).first();
  expect(row.status).toBe('active');
}, 120_000);

it('when the Apple Music grant is revoked, then the conversion fails saying to reconnect, and the connection is marked', async () => {
  app.sandbox!.revoke('apple', 'demo-listener');
  const done = await finished(me.client, (await spotifyToApple(5)).id);
  expect(done.status).toBe('failed');
  expect(done.error).toMatch(/Reconnect/);
  const row = await app.container.knex('provider_connections').where({ user_id: me.id, provider: 'apple' }).first();
  expect(row.status).toBe('needs_reconnect');
  const again = await me.client.post('/api/conversions', {
    source: { kind: 'service', provider: 'spotify', playlistId: done.source.playlistId },
    target: 'apple',
  });
  expect(again.status).toBe(409);
  expect(again.body.code).toBe('connection_needs_reconnect');
});

it('when a 10,000-track playlist is converted, then every track has a report row, stored in chunks', async () => {
  const view = await start({
    source: { kind: 'service', provider: 'spotify', playlistId: (await playlistOfSize(await providerOf(app, me.id, 'spotify'), 10_000)).id },
    target: 'muse',
  });
  const done = await finished(me.client, view.id, 180_000);
  expect(done).toMatchObject({ status: 'done', total: 10_000, processed: 10_000 });
  expect(done.matched + done.needsReview + done.notFound + done.skipped).toBe(10_000);
  const chunks = await app.container.knex('doc_conversion_report_chunks').where({ conversion_id: view.id }).count<{ count: string }[]>('* as count');
  expect(Number(chunks[0]!.count)).toBe(100);
  const last = await me.client.get(
    `/api/conversions/${view.id}/report?limit=500&cursor=${encodeURIComponent(Buffer.from(JSON.stringify(['conversion-report', 9_899])).toString('base64url'))}`,
  );
  expect(last.body.items.map((r: { index: number }) => r.index)).toEqual(Array.from({ length: 100 }, (_, i) => 9_900 + i));
}, 200_000);

it('when a run finds a write recorded but maybe not done (its worker died mid-append), then it appends only what the target lacks', async () => {
  const done = await finished(me.client, (await spotifyToApple(50)).id);
  const apple = await providerOf(app, me.id, 'apple');
  const before = await playlistIds(apple, done.targetPlaylist!.id);
  const rows = await reportRows(me.client, done.id);
  const fresh = rows.flatMap((r) => [r.chosen, ...r.alternatives]).find((c) => c && !before.includes(c.id));
  expect(fresh).toBeDefined();
  const row = await app.container.knex('conversions').where({ id: done.id }).first();
  // The state a worker killed between recording the intent and finishing the append leaves.
  await app.container
    .knex('conversions')
    .where({ id: done.id })
    .update({
      status: 'running',
      finished_at: null,
      pending_write: JSON.stringify({
        ids: [before.at(-1)!, fresh!.id],
        indexes: [49],
        after: {
          nextIndex: 50,
          sourceCursor: row.source_cursor,
          callsMinimum: row.calls_minimum,
          total: 50,
          processed: 50,
          matched: row.matched,
          needsReview: row.needs_review,
          notFound: row.not_found,
          skipped: row.skipped,
          written: row.written + 1,
        },
      }),
    });
  await app.container.services.conversions.run(done.id, { finalAttempt: true, logger: app.container.logger });
  expect(await playlistIds(apple, done.targetPlaylist!.id)).toEqual([...before, fresh!.id]);
  expect((await me.client.get(`/api/conversions/${done.id}`)).body).toMatchObject({ status: 'done', written: done.written + 1 });
});
