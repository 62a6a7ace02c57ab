import fs from 'node:fs/promises';
import type { Container } from '../container';
import { JOB_CATALOG } from '../jobs/job-catalog';
import { JobRegistry } from '../jobs/job-registry';
import type { JobDeps } from '../jobs/job-deps';
import { WorkerRunner } from '../jobs/worker-runner';
import { startPeriodicTask } from '../jobs/periodic-task';
import { scheduleRecommendationsRebuild } from '../features/recommendations/recommendations-schedule';
import { ensureChartsSchedule, scheduleChartsRefresh } from '../features/charts/charts-schedule';

export interface RunningWorker {
  runner: WorkerRunner;
  stop(): Promise<void>;
}

/** The one dependencies object every job handler is built from; leaving out a field of `JobDeps` does not compile. */
export function jobDependencies(c: Container): JobDeps {
  return {
    notifications: c.services.notifications,
    reviewNotices: c.services.reviewNotices,
    followNotices: c.services.followNotices,
    charts: c.services.charts,
    imports: c.services.imports,
    feedFanOut: c.services.feedFanOut,
    auth: c.services.auth,
    playlistNotices: c.services.playlistNotices,
    artwork: c.services.artwork,
    previews: c.services.previews,
    serviceImports: c.services.serviceImports,
    conversions: c.services.conversions,
    recommendations: c.services.recommendations,
    parties: c.services.parties,
    partyNotices: c.services.partyNotices,
    jobAttempts: c.config.JOB_ATTEMPTS,
    userExists: (userId: string) => c.services.auth.accountExists(userId),
  };
}

export interface WorkerOptions {
  /** How often the sweeps run that restore what Redis lost (import jobs, the charts schedule). */
  upkeepEveryMs?: number;
  /**
   * Whether the cover backfill runs on its timer (default true). Test apps turn it off: its calls
   * would consume the sandbox faults a test sets up; tests run it by hand.
   */
  coverBackfill?: boolean;
}

/**
 * Starts BullMQ workers for every queue with the full job registry, and the sweeps that re-queue
 * import jobs Redis lost and register the charts schedule again when Redis lost it.
 */
export async function startWorker(c: Container, options: WorkerOptions = {}): Promise<RunningWorker> {
  const upkeepEveryMs = options.upkeepEveryMs ?? UPKEEP_EVERY_MS;
  const logger = c.logger.child({ role: 'worker' });
  const registry = new JobRegistry(JOB_CATALOG, jobDependencies(c));
  const runner = new WorkerRunner(registry, {
    connection: c.newRedisConnection(),
    prefix: `${c.config.REDIS_PREFIX}bull`,
    concurrency: c.config.WORKER_CONCURRENCY,
    lockMs: c.config.JOB_LOCK_MS,
    logger,
    metrics: c.metrics,
  });
  await runner.ready();
  await scheduleChartsRefresh(c.queues);
  if (c.config.RECS_REBUILD_EVERY_MINUTES > 0)
    await scheduleRecommendationsRebuild(c.queues, c.config.RECS_REBUILD_EVERY_MINUTES * 60_000, await c.services.recommendations.lastRebuild());
  const importRecovery = startPeriodicTask('re-queue lost import jobs', upkeepEveryMs, () => c.services.importRecovery.requeueLostJobs(), logger);
  const serviceImportRecovery = startPeriodicTask(
    're-queue lost service import jobs',
    upkeepEveryMs,
    () => c.services.serviceImportRecovery.requeueLostJobs(),
    logger,
  );
  const conversionRecovery = startPeriodicTask('re-queue lost conversion jobs', upkeepEveryMs, () => c.services.conversionRecovery.requeueLostJobs(), logger);
  const chartsSchedule = startPeriodicTask(
    're-register the charts schedule',
    upkeepEveryMs,
    async () => {
      if (await ensureChartsSchedule(c.queues)) logger.warn('charts refresh schedule was missing from Redis; registered it again');
    },
    logger,
  );
  const coverBackfill =
    options.coverBackfill === false
      ? undefined
      : startPeriodicTask('backfill album covers', COVER_BACKFILL_EVERY_MS, () => c.services.coverBackfill.runOnce(), logger);
  // Accounts cross the "established" line as time passes: their ratings get full weight on this timer (idempotent, so every worker may run it).
  const reweigh =
    c.config.TRUST_REWEIGH_EVERY_MINUTES > 0
      ? startPeriodicTask('reweigh newly established raters', c.config.TRUST_REWEIGH_EVERY_MINUTES * 60_000, () => c.services.aggregateTrust.reweigh(), logger)
      : undefined;
  // Moves provider tokens left under an old key to the current one, so a rotated-out key can be
  // removed; idempotent and safe beside refreshes, so every worker may run it.
  const tokenReencryption = startPeriodicTask(
    're-encrypt provider tokens under the current key',
    REENCRYPT_TOKENS_EVERY_MS,
    () => c.services.connections.reencryptTokens(),
    logger,
  );
  const heartbeat = c.config.WORKER_HEARTBEAT_FILE ? startHeartbeat(c.config.WORKER_HEARTBEAT_FILE, runner, c) : undefined;
  return {
    runner,
    async stop() {
      if (heartbeat) clearInterval(heartbeat);
      await importRecovery.stop();
      await serviceImportRecovery.stop();
      await conversionRecovery.stop();
      await chartsSchedule.stop();
      await coverBackfill?.stop();
      await reweigh?.stop();
      await tokenReencryption.stop();
      await runner.close();
    },
  };
}

const HEARTBEAT_MS = 10_000;
// Import jobs and the charts schedule Redis lost are looked for at start and then this often.
const UPKEEP_EVERY_MS = 60_000;
// Albums without a stored cover are looked up a batch at a time, this often (a fresh demo catalog is covered in minutes).
const COVER_BACKFILL_EVERY_MS = 30_000;
// Tokens a process with an older key list wrote (a rolling deploy) are caught up this often after start.
const REENCRYPT_TOKENS_EVERY_MS = 60 * 60_000;

/** Touches a file while the worker's Redis connection answers, for container health checks. */
function startHeartbeat(file: string, runner: WorkerRunner, c: Container): NodeJS.Timeout {
  const beat = async () => {
    try {
      if (await runner.isHealthy()) await fs.writeFile(file, String(Date.now()));
    } catch (err) {
      c.logger.warn({ err }, 'worker heartbeat failed');
    }
  };
  void beat();
  return setInterval(beat, HEARTBEAT_MS).unref();
}
