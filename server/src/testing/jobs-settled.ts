import type { QueueName } from '../jobs/job-definition';
import type { TestApp } from './test-app';
import { waitFor } from './wait-for';

// The charts queue always holds its delayed repeatable refresh, so it never looks settled.
const SETTLING_QUEUES: QueueName[] = ['notifications', 'imports', 'feed', 'accounts'];

/** Whether the queues have nothing waiting, running or delayed. */
export async function queuesIdle(app: Pick<TestApp, 'container'>, queues: QueueName[] = SETTLING_QUEUES): Promise<boolean> {
  for (const name of queues) {
    const counts = await app.container.queues.byName[name].getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    if (Object.values(counts).some((n) => n > 0)) return false;
  }
  return true;
}

/** Resolves once every job enqueued so far on `queues` (default: all but the charts') has run; the worker must be running. */
export async function jobsSettled(app: Pick<TestApp, 'container'>, queues: QueueName[] = SETTLING_QUEUES, timeoutMs = 20_000): Promise<void> {
  await waitFor(`jobs settled on ${queues.join(', ')}`, () => queuesIdle(app, queues), timeoutMs, 20);
}
