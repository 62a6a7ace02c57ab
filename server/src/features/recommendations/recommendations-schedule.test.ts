import { useTestApp } from '../../testing/test-app';
import { rebuildRecommendationsJob } from './recommendations.jobs';
import { scheduleRecommendationsRebuild } from './recommendations-schedule';

const app = useTestApp();
const HOUR = 3_600_000;

async function queuedRebuilds(): Promise<number> {
  const jobs = await app.container.queues.byName.recommendations.getJobs(['waiting', 'delayed', 'prioritized', 'active']);
  return jobs.filter((j) => j.name === rebuildRecommendationsJob.name && !j.id?.startsWith('repeat:')).length;
}

describe('scheduling the recommendations rebuild', () => {
  it('when a worker starts first, then the new schedule rebuilds; on a restart a fresh rebuild is kept and a stale or missing one is redone', async () => {
    const queues = app.container.queues;
    const now = Date.parse('2026-12-06T12:00:00Z');
    // First start: the scheduler is new and runs its first rebuild itself (no second one asked).
    expect(await scheduleRecommendationsRebuild(queues, 6 * HOUR, null, now)).toBe(true);
    expect(await app.container.queues.byName.recommendations.getJobScheduler('rebuild-recommendations')).toBeDefined();
    expect(await queuedRebuilds()).toBe(0);

    // Restart an hour after a rebuild: nothing to redo.
    expect(await scheduleRecommendationsRebuild(queues, 6 * HOUR, new Date(now - HOUR).toISOString(), now)).toBe(false);
    expect(await queuedRebuilds()).toBe(0);

    // Restart after the period, or with the cache lost: one rebuild now (asked twice, queued once).
    expect(await scheduleRecommendationsRebuild(queues, 6 * HOUR, new Date(now - 7 * HOUR).toISOString(), now)).toBe(true);
    expect(await scheduleRecommendationsRebuild(queues, 6 * HOUR, null, now)).toBe(true);
    expect(await queuedRebuilds()).toBe(1);
  });
});
