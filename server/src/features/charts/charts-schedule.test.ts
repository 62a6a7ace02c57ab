import { startWorker } from '../../roles/worker-role';
import { useTestApp } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';
import { CHARTS_REFRESH_EVERY_MS } from './charts-schedule';
import { refreshChartsJob } from './refresh-charts.job';

const app = useTestApp();

const chartsQueue = () => app.container.queues.byName[refreshChartsJob.queue];

/** Every-10-minutes schedulers of the charts queue, as BullMQ lists them. */
async function chartSchedules(): Promise<number[]> {
  const schedulers = await chartsQueue().getJobSchedulers();
  return schedulers.map((s) => Number(s.every));
}

/** Deletes every Redis key of this test's prefix, as a Redis restart without persistence would. */
async function loseRedisData(): Promise<void> {
  const { redis, config } = app.container;
  const keys = await redis.keys(`${config.REDIS_PREFIX}*`);
  if (keys.length) await redis.del(...keys);
}

describe('the charts refresh schedule', () => {
  it('when Redis loses the schedule while a worker runs, then the worker’s sweep registers it again, once', async () => {
    const worker = await startWorker(app.container, { upkeepEveryMs: 100 });
    try {
      expect(await chartSchedules()).toEqual([CHARTS_REFRESH_EVERY_MS]);
      await loseRedisData();
      expect(await chartSchedules()).toEqual([]);
      await waitFor('the charts schedule to be registered again', async () => (await chartSchedules()).length > 0);
      expect(await chartSchedules()).toEqual([CHARTS_REFRESH_EVERY_MS]);
    } finally {
      await worker.stop();
    }
  });
});
