import type { Redis } from 'ioredis';
import type { JobQueues } from '../../jobs/queues';
import { rebuildRecommendationsJob, refreshUserRecommendationsJob } from './recommendations.jobs';

const SCHEDULER_ID = 'rebuild-recommendations';

/**
 * Registers the periodic full rebuild with BullMQ's job scheduler (idempotent; a new scheduler
 * runs its first rebuild at once) and, when the scheduler was already there, asks for a rebuild
 * now only if the last one (`lastVersion`, its ISO time) is missing or older than the period: a
 * restart does not retrain what is fresh (a restarted worker trains its in-memory model on the
 * first refresh instead). Says whether a rebuild is coming now.
 */
export async function scheduleRecommendationsRebuild(queues: JobQueues, everyMs: number, lastVersion: string | null, now = Date.now()): Promise<boolean> {
  const queue = queues.byName[rebuildRecommendationsJob.queue];
  const existed = (await queue.getJobScheduler(SCHEDULER_ID)) !== undefined;
  await queue.upsertJobScheduler(SCHEDULER_ID, { every: everyMs }, { name: rebuildRecommendationsJob.name, data: {} });
  if (!existed) return true;
  const builtAt = lastVersion === null ? Number.NaN : Date.parse(lastVersion);
  if (Number.isFinite(builtAt) && now - builtAt < everyMs) return false;
  await queues.enqueue(rebuildRecommendationsJob, {}, { deduplication: { id: SCHEDULER_ID } });
  return true;
}

/**
 * Counts a user's new ratings and, every `after` of them, enqueues a refresh of their list. A
 * burst shares one job per user (deduplicated while it waits; one more after a running one).
 */
export class RecommendationRefreshTrigger {
  constructor(private readonly deps: { redis: Redis; prefix: string; queues: JobQueues; after: number }) {}

  async ratingChanged(userId: string): Promise<void> {
    const key = `${this.deps.prefix}recs:pending:${userId}`;
    const count = await this.deps.redis.incr(key);
    if (count === 1) await this.deps.redis.expire(key, 7 * 24 * 3600);
    if (count < this.deps.after) return;
    await this.deps.redis.del(key);
    await this.deps.queues.enqueue(refreshUserRecommendationsJob, { userId }, { deduplication: { id: `refresh-recs-${userId}`, keepLastIfActive: true } });
  }
}
