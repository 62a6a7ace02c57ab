// `npm run bench`: builds (or reuses) the scale data set, starts the built api and a bare Express
// baseline on loopback, signs in a pool of users, drives each scenario with autocannon, prints a
// table against DESIGN.md's budgets and writes the JSON results. See scripts/bench/README.md.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { HelpRequested, parseOptions, UsageError, type BenchOptions } from './cli-options';
import { ensureDataset } from './dataset/dataset-builder';
import { BENCH_PASSWORD, FULL_SCALE, SMOKE_SCALE } from './dataset/dataset-scale';
import { benchMongoUrl, dropMongoDatabase, ensureMongoPlaylists } from './dataset/mongo-playlists-copy';
import type { ChildServer } from './lib/child-server';
import { databaseName, dropDatabase, withDatabase } from './lib/pg-admin';
import { deleteKeys } from './lib/redis-keys';
import { readPlaylistTargets } from './load/playlist-targets';
import { runScenarios, type RunPlan } from './load/run-scenarios';
import { runServiceImport } from './jobs/service-import';
import { runPreviewRange } from './jobs/preview-range';
import { runRecommendations } from './jobs/recommendations';
import { runSockets } from './jobs/sockets';
import { runParty } from './jobs/party';
import { CONVERSION_SCENARIOS, runConversion } from './jobs/conversion';
import { formatLighthouse, LIGHTHOUSE_SCENARIO, runLighthouse } from './web/lighthouse';
import { SCENARIOS, type Scenario } from './load/scenarios';
import { formatJobs, formatTable, machineInfo, writeReport, type BenchReport, type JobResult, type ScenarioResult } from './report/report';
import { ensureServerBuilt, startExpressBaseline, startMuse } from './server/muse-server';
import { signInPool } from './server/session-pool';
import type { LoadJobRun } from './jobs/job-run';
import { type Cleanup, runWithCleanup } from './lib/cleanup';
import { forgetRunWritesFromNow } from './lib/run-writes';

const ROOT = path.resolve(__dirname, '../..');
const log = (line: string) => process.stdout.write(`${line}\n`);

async function bench(options: BenchOptions, cleanup: Cleanup): Promise<void> {
  const started = performance.now();
  const scale = options.scale === 'smoke' ? SMOKE_SCALE : FULL_SCALE;
  const databaseUrl = options.smoke ? withDatabase(options.databaseUrl, `muse_bench_smoke_${randomBytes(4).toString('hex')}`) : options.databaseUrl;
  if (options.smoke) cleanup.add('drop the smoke database', () => dropDatabase(databaseUrl));

  const dataset = await ensureDataset({ databaseUrl, scale, rebuild: options.rebuild || options.smoke, log });
  if (options.datasetOnly) return;
  if (!options.smoke) {
    const forget = await forgetRunWritesFromNow(databaseUrl);
    cleanup.add('undo what this run wrote', async () => {
      const { activities, entries } = await forget();
      log(`cleanup: deleted the ${activities} activities and ${entries} playlist entries this run wrote`);
    });
  }

  ensureServerBuilt(ROOT, log);
  const redisPrefix = `muse-bench-${randomBytes(6).toString('hex')}:`;
  cleanup.add(`delete Redis keys ${redisPrefix}*`, () => deleteKeys(options.redisUrl, redisPrefix));

  const loadScenarios = SCENARIOS.filter((s) => options.scenarios.includes(s.name));
  const scenarios = loadScenarios.length > 0 ? await runLoadScenarios(options, { databaseUrl, redisPrefix, cleanup }) : [];
  const jobs: JobResult[] = [];
  const run: LoadJobRun = {
    root: ROOT,
    databaseUrl,
    redisUrl: options.redisUrl,
    redisPrefix,
    password: BENCH_PASSWORD,
    scale,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    stopLater: (label, step) => cleanup.add(label, step),
    log,
  };
  if (options.scenarios.includes('service-import')) jobs.push(await runServiceImport(run));
  for (const scenario of CONVERSION_SCENARIOS.filter((name) => options.scenarios.includes(name))) jobs.push(await runConversion(run, scenario));
  if (options.scenarios.includes('preview-range')) {
    const previews = await runPreviewRange(run);
    scenarios.push(...previews.scenarios);
    jobs.push(previews.job);
  }
  if (options.scenarios.includes('recommendations')) {
    const recs = await runRecommendations(run);
    scenarios.push(...recs.scenarios);
    jobs.push(...recs.jobs);
  }

  const lighthouse = options.scenarios.includes(LIGHTHOUSE_SCENARIO) ? await runLighthouse(run, path.join(options.outDir, 'lighthouse')) : null;

  if (options.scenarios.includes('sockets')) scenarios.push(...(await runSockets(run)).scenarios);
  if (options.scenarios.includes('party')) scenarios.push(...(await runParty(run)).scenarios);

  const report: BenchReport = { machine: machineInfo(), scenarios, ...(jobs.length > 0 ? { jobs } : {}), ...(lighthouse ? { lighthouse } : {}) };
  if (scenarios.length > 0) {
    log('');
    log(formatTable(report));
    const baseline = scenarios.find((s) => s.name === 'express-baseline');
    if (baseline) {
      log('');
      log(`express-baseline answers ${baseline.max_rps} req/s on this machine; "vs express" is each scenario's maximum throughput divided by that.`);
    }
  }
  if (jobs.length > 0) {
    log('');
    log(formatJobs(jobs));
  }
  if (lighthouse) {
    log('');
    log(formatLighthouse(lighthouse));
  }
  log(
    `data set: ${scale.name} (${dataset.reused ? 'reused; it was built' : 'built'} in ${dataset.buildSeconds.toFixed(1)} s); whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  for (const file of writeReport(report, options.outDir)) log(`wrote ${file.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, file) : file}`);
}

/** The request-stream scenarios: the Express baseline and the api, a pool of sessions, each scenario (and the mongo round). */
async function runLoadScenarios(
  options: BenchOptions,
  { databaseUrl, redisPrefix, cleanup }: { databaseUrl: string; redisPrefix: string; cleanup: Cleanup },
): Promise<ScenarioResult[]> {
  const scale = options.scale === 'smoke' ? SMOKE_SCALE : FULL_SCALE;
  const stopLater = (server: ChildServer) => cleanup.add(`stop ${server.name}`, () => server.stop());
  const baseline = await startExpressBaseline(ROOT);
  stopLater(baseline);
  const muse = await startMuse({ root: ROOT, databaseUrl, redisUrl: options.redisUrl, redisPrefix });
  stopLater(muse);
  log(`server: Muse api at ${muse.url}, Express baseline at ${baseline.url}, Redis prefix ${redisPrefix}`);

  const sessions = await signInPool(muse.url, databaseUrl, options.sessions, BENCH_PASSWORD);
  const playlists = await readPlaylistTargets(databaseUrl, sessions);
  log(`sessions: ${sessions.length} users signed in (${playlists.writers.length} of them own playlists the add scenario appends to)`);

  const chosen = SCENARIOS.filter((s) => s.name === 'express-baseline' || options.scenarios.includes(s.name));
  const plan: RunPlan = {
    urls: { muse: muse.url, baseline: baseline.url },
    pids: { muse: muse.child.pid, baseline: baseline.child.pid },
    context: { scale, sessions, playlists },
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    log,
  };
  const scenarios = await runScenarios(chosen, plan);
  const documentStoreScenarios = chosen.filter((s) => s.documentStore);
  if (documentStoreScenarios.length > 0) {
    scenarios.push(...(await runOnMongo(documentStoreScenarios, { options, databaseUrl, redisPrefix, plan, postgresMuse: muse, stopLater, cleanup })));
  }
  return scenarios;
}

/** What the mongo round reuses of the run so far. */
interface MongoRound {
  options: BenchOptions;
  databaseUrl: string;
  redisPrefix: string;
  plan: RunPlan;
  postgresMuse: ChildServer;
  stopLater(server: ChildServer): void;
  cleanup: Cleanup;
}

/**
 * The document-store scenarios a second time, on the mongo adapter: the data set's playlists
 * copied into a MongoDB database of the bench's own, and an api started with MONGO_URL (same
 * Postgres, same Redis prefix, so the sessions stay signed in). Without a MongoDB URL, one line
 * says it was skipped and why.
 */
async function runOnMongo(scenarios: Scenario[], round: MongoRound): Promise<ScenarioResult[]> {
  const { options, databaseUrl } = round;
  if (!options.mongoUrl) {
    log(
      'mongo: skipped the mongo document-store adapter: neither BENCH_MONGO_URL nor MONGO_URL is set, so the playlist scenarios ran on the postgres adapter only',
    );
    return [];
  }
  const mongoUrl = benchMongoUrl(options.mongoUrl, databaseName(databaseUrl));
  if (options.smoke) round.cleanup.add('drop the smoke MongoDB database', () => dropMongoDatabase(mongoUrl));
  await ensureMongoPlaylists(databaseUrl, mongoUrl, log);
  // One api at a time, so the two adapters are measured on the same free cores.
  await round.postgresMuse.stop();
  const muse = await startMuse({ root: ROOT, databaseUrl, redisUrl: options.redisUrl, redisPrefix: round.redisPrefix, mongoUrl });
  round.stopLater(muse);
  log(`server: Muse api on the mongo document store at ${muse.url}`);
  return runScenarios(
    scenarios.map((s) => ({ ...s, name: `${s.name} [mongo]` })),
    { ...round.plan, urls: { ...round.plan.urls, muse: muse.url }, pids: { ...round.plan.pids, muse: muse.child.pid } },
  );
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env, ROOT);
  } catch (err) {
    if (err instanceof HelpRequested) {
      log(err.message);
      process.exit(0);
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  await runWithCleanup('bench', log, (cleanup) => bench(options, cleanup));
}

void main();
