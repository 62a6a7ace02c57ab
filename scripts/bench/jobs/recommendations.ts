import { Redis } from 'ioredis';
import { runScenarios } from '../load/run-scenarios';
import { pickFrom, popularId, seededRandom } from '../load/random';
import { SCENARIOS, type Scenario } from '../load/scenarios';
import type { JobResult, ScenarioResult } from '../report/report';
import { startExpressBaseline, startMuse } from '../server/muse-server';
import { signInPool, type BenchSession } from '../server/session-pool';
import { percentile, round2, type LoadJobRun } from './job-run';

/** Users whose cached lists are removed so that their next request computes one (the cold path). */
const COLD_USERS = 50;
const SESSIONS = 200;
/** How long the rebuild may take before the scenario gives up (the goal is 10 minutes for a larger set). */
const REBUILD_TIMEOUT_MS = 30 * 60_000;
const POLL_MS = 500;

/** What the scenario reuses of the run. */
export type RecommendationsRun = LoadJobRun;

/**
 * The request streams measured once every list is in Redis: a signed-in user's picks (albums,
 * a fifth of them tracks) at 300/s within 30 ms, and an album's similar albums at 300/s within
 * 50 ms (DESIGN.md names neither; issue 13 does).
 */
export function recommendationScenarios(): Scenario[] {
  return [
    {
      name: 'recommendations',
      target: 'muse',
      budgetP99Ms: 30,
      rate: 300,
      connections: 40,
      requests: ({ sessions }) => {
        const random = seededRandom(21);
        return () => ({
          method: 'GET',
          path: `/api/recommendations?kind=${random() < 0.8 ? 'albums' : 'tracks'}&limit=20`,
          headers: { cookie: pickFrom(sessions, random).cookie },
        });
      },
    },
    {
      name: 'similar-albums',
      target: 'muse',
      budgetP99Ms: 50,
      rate: 300,
      connections: 40,
      requests: ({ scale }) => {
        const random = seededRandom(22);
        return () => ({ method: 'GET', path: `/api/albums/${popularId(scale.albums, random)}/similar` });
      },
    },
  ];
}

/** Waits until the worker's rebuild has written its version (the last thing it writes). */
export async function waitForRebuild(redis: Redis, prefix: string, since: string | null): Promise<string> {
  const deadline = performance.now() + REBUILD_TIMEOUT_MS;
  for (;;) {
    const version = await redis.get(`${prefix}recs:version`);
    if (version && version !== since) return version;
    if (performance.now() > deadline) throw new Error(`no recommendations rebuild finished within ${REBUILD_TIMEOUT_MS / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Prints what the rebuild wrote beside its version: each model's training, then its lists (users a second). */
async function logRebuildPhases(redis: Redis, run: RecommendationsRun): Promise<void> {
  const raw = await redis.get(`${run.redisPrefix}recs:rebuild`);
  const phases = raw ? (JSON.parse(raw) as { kind: string; users: number; items: number; trainSeconds: number; listsSeconds: number }[]) : [];
  for (const p of phases)
    run.log(
      `recommendations: ${p.kind} model (${p.users} users × ${p.items} items) trained in ${p.trainSeconds} s (reading included), ` +
        `lists written in ${p.listsSeconds} s (${p.listsSeconds > 0 ? Math.round(p.users / p.listsSeconds) : p.users} users/s)`,
    );
}

/** Times one request per cold user (their cached lists removed first), one after another. */
async function timeColdUsers(url: string, redis: Redis, prefix: string, sessions: BenchSession[]): Promise<number[]> {
  const latencies: number[] = [];
  for (const session of sessions) {
    await redis.del(`${prefix}recs:user:${session.userId}:album`, `${prefix}recs:user:${session.userId}:track`);
    const t0 = performance.now();
    const res = await fetch(`${url}/api/recommendations?limit=20`, { headers: { cookie: session.cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`a cold user's recommendations answered ${res.status}`);
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

/**
 * `recommendations`: starts an api with its worker, whose start asks for a full rebuild, and
 * times it until the version lands in Redis (the model trained on every rating and listen of the
 * data set, every user's lists and every album's similar albums written). Then, on an api alone
 * (the worker would share the cores), 50 users' cached lists are removed and each user's first
 * request timed (cold: p99 < 300 ms), and the cached picks and similar albums are put under load.
 */
export async function runRecommendations(run: RecommendationsRun): Promise<{ scenarios: ScenarioResult[]; jobs: JobResult[] }> {
  const redis = new Redis(run.redisUrl, { maxRetriesPerRequest: 2 });
  run.stopLater('close the recommendations Redis client', () => redis.quit());
  const before = await redis.get(`${run.redisPrefix}recs:version`);
  const started = performance.now();
  const allInOne = await startMuse({ root: run.root, databaseUrl: run.databaseUrl, redisUrl: run.redisUrl, redisPrefix: run.redisPrefix, role: 'all' });
  run.stopLater('stop the recommendations worker', () => allInOne.stop());
  run.log(`recommendations: Muse api and worker at ${allInOne.url}; waiting for the rebuild the worker starts with`);
  const version = await waitForRebuild(redis, run.redisPrefix, before);
  const rebuildSeconds = (performance.now() - started) / 1000;
  run.log(`recommendations: rebuild ${version} done ${rebuildSeconds.toFixed(1)} s after the worker was started`);
  await logRebuildPhases(redis, run);
  await allInOne.stop();

  const muse = await startMuse({ root: run.root, databaseUrl: run.databaseUrl, redisUrl: run.redisUrl, redisPrefix: run.redisPrefix });
  run.stopLater('stop the recommendations api', () => muse.stop());
  const sessions = await signInPool(muse.url, run.databaseUrl, SESSIONS, run.password);
  const cold = [...(await timeColdUsers(muse.url, redis, run.redisPrefix, sessions.slice(0, COLD_USERS)))].sort((a, b) => a - b);
  const coldMs = { p50: round2(percentile(cold, 50)), p99: round2(percentile(cold, 99)), max: round2(cold.at(-1)!) };
  run.log(
    `recommendations: a cold user's first list (${cold.length} users): p50 ${coldMs.p50} ms, p99 ${coldMs.p99} ms, max ${coldMs.max} ms (budget p99 300 ms)`,
  );

  const baselineScenario = SCENARIOS.find((s) => s.name === 'express-baseline')!;
  const baseline = await startExpressBaseline(run.root);
  run.stopLater('stop the Express baseline', () => baseline.stop());
  const scenarios = await runScenarios([baselineScenario, ...recommendationScenarios()], {
    urls: { muse: muse.url, baseline: baseline.url },
    pids: { muse: muse.child.pid, baseline: baseline.child.pid },
    context: { scale: run.scale, sessions, playlists: { page: [], writers: [] } },
    durationSeconds: run.durationSeconds,
    warmupSeconds: run.warmupSeconds,
    log: run.log,
  });
  const job = (name: string, seconds: number, extra: Partial<JobResult> = {}): JobResult => ({
    name,
    status: 'done',
    tracks: 0,
    linked: 0,
    seconds: round2(seconds),
    server_seconds: null,
    provider_calls: 0,
    minimum_provider_calls: 0,
    other_provider_calls: 0,
    calls_by_endpoint: {},
    error: null,
    ...extra,
  });
  return {
    scenarios,
    jobs: [job('recommendations-rebuild', rebuildSeconds), job('recommendations-cold', cold.reduce((s, n) => s + n, 0) / 1000, { first_play_ms: coldMs })],
  };
}
