import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProviderSandbox } from '../../../server/src/providers/sandbox/start-sandbox';
import type { ChildServer } from '../lib/child-server';
import { connect } from '../lib/pg-admin';
import { runScenarios } from '../load/run-scenarios';
import { pickFrom, seededRandom } from '../load/random';
import { SCENARIOS, type Scenario } from '../load/scenarios';
import type { JobResult, ScenarioResult } from '../report/report';
import { startExpressBaseline, startMuse } from '../server/muse-server';
import { signInPool } from '../server/session-pool';
import { percentile, round2, type LoadJobRun } from './job-run';

/** Tracks given a sandbox Apple song (and so a preview), timed on their first play, then streamed from under load. */
const TRACKS = 20;
const RANGE_BYTES = 64 * 1024;
/** How often the first-play loop asks again while the clip is being fetched (the api says Retry-After: 1; the bench asks sooner to time the fetch itself). */
const POLL_MS = 25;
const SESSIONS = 50;

/** What the scenario reuses of the run. */
export type PreviewRangeRun = LoadJobRun;

/**
 * `preview-range`: gives 20 of the data set's tracks an Apple song of a provider sandbox (the
 * data set's tracks are on no service), starts an api with its worker on that sandbox, and
 * (1) times each track's first play: from the first `GET /api/tracks/:id/preview` (202, which
 * starts the fetch) until the same request answers 206 with the first 64 KB; then (2) offers
 * 64 KB range requests at random offsets of the stored clips at 300/s from 50 signed-in users
 * (DESIGN.md: p99 < 20 ms), beside the Express baseline. The tracks' service ids and preview
 * rows are put back as they were at the end, so the reused data set stays the same.
 */
export async function runPreviewRange(run: PreviewRangeRun): Promise<{ scenarios: ScenarioResult[]; job: JobResult }> {
  const sandbox = await startProviderSandbox();
  run.stopLater('stop the provider sandbox', () => sandbox.stop());
  const dataDir = await mkdtemp(path.join(tmpdir(), 'muse-bench-previews-'));
  run.stopLater('remove the preview blobs', () => rm(dataDir, { recursive: true, force: true }));
  const allInOne: ChildServer = await startMuse({
    root: run.root,
    databaseUrl: run.databaseUrl,
    redisUrl: run.redisUrl,
    redisPrefix: run.redisPrefix,
    role: 'all',
    env: { PROVIDER_SANDBOX: 'on', PROVIDER_SANDBOX_URL: sandbox.url, DATA_DIR: dataDir, PREVIEW_RATE_USER_MAX: '1000000000' },
  });
  run.stopLater('stop the previews server', () => allInOne.stop());
  const baseline = await startExpressBaseline(run.root);
  run.stopLater('stop the Express baseline', () => baseline.stop());
  run.log(`preview-range: Muse api and worker at ${allInOne.url}, provider sandbox at ${sandbox.url}, Express baseline at ${baseline.url}`);

  const songs = sandbox.catalog.apple.songs.filter((s) => s.storefronts.includes('us')).slice(0, TRACKS);
  const songIds = songs.map((s) => s.id);
  const db = await connect(run.databaseUrl);
  let trackIds: string[] = [];
  const restore = async () => {
    await db.query('DELETE FROM track_previews WHERE track_id = ANY($1::bigint[])', [trackIds]);
    await db.query('UPDATE tracks SET apple_id = NULL WHERE apple_id = ANY($1::text[])', [songIds]);
  };
  try {
    // The server has migrated the database by now (track_previews exists). Earlier runs' leftovers go first.
    await db.query('UPDATE tracks SET apple_id = NULL WHERE apple_id = ANY($1::text[])', [songIds]);
    const { rows } = await db.query<{ id: string }>(
      'SELECT id::text AS id FROM tracks WHERE apple_id IS NULL AND spotify_id IS NULL ORDER BY hashint8(id) LIMIT $1',
      [TRACKS],
    );
    trackIds = rows.map((r) => r.id);
    await db.query('DELETE FROM track_previews WHERE track_id = ANY($1::bigint[])', [trackIds]);
    for (const [i, id] of trackIds.entries()) await db.query('UPDATE tracks SET apple_id = $1 WHERE id = $2', [songIds[i], id]);

    const sessions = await signInPool(allInOne.url, run.databaseUrl, SESSIONS, run.password);
    const session = sessions[0]!;

    // 1. First play of each clip, one after another, nothing stored yet.
    sandbox.resetCalls();
    const started = performance.now();
    const latencies: number[] = [];
    const sizes = new Map<string, number>();
    for (const id of trackIds) {
      const t0 = performance.now();
      for (;;) {
        const res = await fetch(`${allInOne.url}/api/tracks/${id}/preview`, { headers: { cookie: session.cookie, range: `bytes=0-${RANGE_BYTES - 1}` } });
        await res.arrayBuffer();
        if (res.status === 206 || res.status === 200) {
          latencies.push(performance.now() - t0);
          sizes.set(id, Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1] ?? res.headers.get('content-length')));
          break;
        }
        if (res.status !== 202) throw new Error(`the first play of track ${id} answered ${res.status}`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const calls = sandbox.calls().apple;
    const appleCalls = Object.values(calls).reduce((sum, n) => sum + n, 0);
    const sorted = [...latencies].sort((a, b) => a - b);
    const firstPlay = { p50: round2(percentile(sorted, 50)), p99: round2(percentile(sorted, 99)), max: round2(sorted.at(-1)!) };
    run.log(
      `preview-range: first play of ${trackIds.length} clips (fetched, stored, first 64 KB sent): p50 ${firstPlay.p50} ms, p99 ${firstPlay.p99} ms, max ${firstPlay.max} ms`,
    );

    // 2. 64 KB ranges of the stored clips under load, from an api alone as in the other load
    // scenarios: the worker's cover backfill (50k albums without covers, searched on the sandbox
    // in this very process) would otherwise share the two cores with the measurement. Same Redis
    // prefix, so the sessions stay signed in; same DATA_DIR, so the clips are there.
    await allInOne.stop();
    const muse = await startMuse({
      root: run.root,
      databaseUrl: run.databaseUrl,
      redisUrl: run.redisUrl,
      redisPrefix: run.redisPrefix,
      env: { DATA_DIR: dataDir, PREVIEW_RATE_USER_MAX: '1000000000' },
    });
    run.stopLater('stop the previews api', () => muse.stop());
    run.log(`preview-range: Muse api alone at ${muse.url} for the range load`);
    const ranges: Scenario = {
      name: 'preview-range',
      target: 'muse',
      budgetP99Ms: 20,
      rate: 300,
      connections: 40,
      requests: () => {
        const random = seededRandom(9);
        return () => {
          const id = pickFrom(trackIds, random);
          const size = sizes.get(id)!;
          const start = Math.floor(random() * Math.max(1, size - RANGE_BYTES));
          return {
            method: 'GET',
            path: `/api/tracks/${id}/preview`,
            headers: { cookie: pickFrom(sessions, random).cookie, range: `bytes=${start}-${start + RANGE_BYTES - 1}` },
          };
        };
      },
    };
    const baselineScenario = SCENARIOS.find((s) => s.name === 'express-baseline')!;
    const scenarios = await runScenarios([baselineScenario, ranges], {
      urls: { muse: muse.url, baseline: baseline.url },
      pids: { muse: muse.child.pid, baseline: baseline.child.pid },
      context: { scale: run.scale, sessions, playlists: { page: [], writers: [] } },
      durationSeconds: run.durationSeconds,
      warmupSeconds: run.warmupSeconds,
      log: run.log,
    });

    const job: JobResult = {
      name: 'preview-first-play',
      status: latencies.length === trackIds.length ? 'done' : 'failed',
      tracks: trackIds.length,
      linked: sizes.size,
      seconds,
      server_seconds: null,
      // Each clip needs its song read once (the clip itself comes from the preview host, which the sandbox does not count).
      provider_calls: appleCalls,
      minimum_provider_calls: trackIds.length,
      other_provider_calls: Object.values(sandbox.calls().spotify).reduce((sum, n) => sum + n, 0),
      calls_by_endpoint: { ...calls },
      error: null,
      first_play_ms: firstPlay,
    };
    return { scenarios, job };
  } finally {
    await restore().catch((err: unknown) => run.log(`preview-range: could not put the tracks back: ${(err as Error).message}`));
    await db.end();
  }
}
