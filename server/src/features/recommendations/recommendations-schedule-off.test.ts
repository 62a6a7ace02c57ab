import { useTestApp } from '../../testing/test-app';

const app = useTestApp({ worker: true, env: { RECS_REBUILD_EVERY_MINUTES: '0' } });

describe('a worker with the recommendations schedule off', () => {
  it('when RECS_REBUILD_EVERY_MINUTES is 0, then the worker registers no rebuild schedule and asks for no rebuild', async () => {
    const queue = app.container.queues.byName.recommendations;
    // The worker has started (useTestApp waits for it): a schedule would be registered by now.
    expect(await queue.getJobScheduler('rebuild-recommendations')).toBeUndefined();
    expect(await queue.getJobCounts('waiting', 'delayed', 'active', 'completed')).toEqual({ waiting: 0, delayed: 0, active: 0, completed: 0 });
  });
});
