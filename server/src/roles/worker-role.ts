import type { Container } from '../container';
import { JOB_CATALOG } from '../jobs/job-catalog';
import { JobRegistry } from '../jobs/job-registry';
import { WorkerRunner } from '../jobs/worker-runner';

export interface RunningWorker {
  runner: WorkerRunner;
  stop(): Promise<void>;
}

/** Dependencies every job handler may use. */
export function jobDependencies(c: Container) {
  return {
    notifications: c.services.notifications,
    userExists: async (userId: string) => (await c.repos.users.findById(userId)) !== null,
  };
}

/** Starts BullMQ workers for every queue with the full job registry. */
export async function startWorker(c: Container): Promise<RunningWorker> {
  const registry = new JobRegistry(JOB_CATALOG, jobDependencies(c));
  const runner = new WorkerRunner(registry, {
    connection: c.newRedisConnection(),
    prefix: `${c.config.REDIS_PREFIX}bull`,
    concurrency: c.config.WORKER_CONCURRENCY,
    logger: c.logger.child({ role: 'worker' }),
  });
  await runner.ready();
  return { runner, stop: () => runner.close() };
}
