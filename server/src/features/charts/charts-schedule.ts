import type { JobQueues } from '../../jobs/queues';
import { refreshChartsJob } from './refresh-charts.job';

/** How often the worker recomputes every chart. */
export const CHARTS_REFRESH_EVERY_MS = 10 * 60 * 1000;
const SCHEDULER_ID = 'refresh-charts-every-10-minutes';
const DEDUPLICATION_ID = 'refresh-charts';

/**
 * Asks for one refresh. While one is waiting or running, further asks are merged into it, so a
 * burst of readers finding no charts enqueues a single job.
 */
export async function requestChartsRefresh(queues: JobQueues): Promise<void> {
  await queues.enqueue(refreshChartsJob, {}, { deduplication: { id: DEDUPLICATION_ID } });
}

/** How long after an album rating changes the charts are recomputed; changes within it share one refresh. */
export const CHARTS_REFRESH_AFTER_RATING_MS = 2_000;
const AFTER_RATING_DEDUPLICATION_ID = 'refresh-charts-after-rating';

/**
 * Asks for a refresh shortly after a rating changed, so charts follow ratings without waiting for the
 * schedule. A burst of ratings shares one delayed job; one made while that job runs gets one more after it.
 */
export async function requestChartsRefreshAfterRating(queues: JobQueues): Promise<void> {
  await queues.enqueue(
    refreshChartsJob,
    {},
    { delay: CHARTS_REFRESH_AFTER_RATING_MS, deduplication: { id: AFTER_RATING_DEDUPLICATION_ID, keepLastIfActive: true } },
  );
}

/**
 * Registers the 10-minute refresh with BullMQ's job scheduler (stored in Redis, so every worker
 * upserting it leaves exactly one schedule) and asks for a refresh now.
 */
export async function scheduleChartsRefresh(queues: JobQueues): Promise<void> {
  await queues.byName[refreshChartsJob.queue].upsertJobScheduler(SCHEDULER_ID, { every: CHARTS_REFRESH_EVERY_MS }, { name: refreshChartsJob.name, data: {} });
  await requestChartsRefresh(queues);
}

/**
 * Registers the 10-minute refresh again, with a refresh now, if Redis no longer holds it (Redis
 * lost its data), and says whether it had to. The schedule lives only in Redis, so the worker
 * calls this periodically; upserting the same scheduler id is idempotent, so workers racing here
 * still leave one schedule.
 */
export async function ensureChartsSchedule(queues: JobQueues): Promise<boolean> {
  if (await queues.byName[refreshChartsJob.queue].getJobScheduler(SCHEDULER_ID)) return false;
  await scheduleChartsRefresh(queues);
  return true;
}
