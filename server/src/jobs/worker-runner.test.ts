import { z } from 'zod';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { createLogger } from '../lib/logger';
import { createTestRedisPrefix } from '../testing/test-infra';
import { waitFor } from '../testing/wait-for';
import { defineJob, type JobFor } from './job-definition';
import type { JobDeps } from './job-deps';
import { JobRegistry } from './job-registry';
import { JobQueues } from './queues';
import { WorkerRunner } from './worker-runner';

const redisPrefix = createTestRedisPrefix('jobs');
const connections: Redis[] = [];
const conn = () => {
  const c = new Redis(redisPrefix.url, { maxRetriesPerRequest: null });
  connections.push(c);
  return c;
};
const logger = createLogger('silent');
const bullPrefix = `${redisPrefix.prefix}bull`;

afterAll(async () => {
  await Promise.all(connections.map((c) => c.quit()));
  await redisPrefix.cleanup();
});

interface Calls {
  attempts: number[];
  times: number[];
}

function flakyJob(failTimes: number, calls: Calls) {
  return defineJob({
    name: 'flaky',
    queue: 'notifications',
    schema: z.object({ n: z.number() }),
    createHandler: () => async (_payload, ctx) => {
      calls.attempts.push(ctx.attempt);
      calls.times.push(Date.now());
      if (calls.attempts.length <= failTimes) throw new Error(`boom ${calls.attempts.length}`);
    },
  });
}

/** Resolves on the queue's next `state` event for the job. */
async function nextJobEvent(queueEvents: QueueEvents, jobId: string, state: 'completed' | 'failed'): Promise<void> {
  await new Promise<void>((resolve) => {
    const handler = ({ jobId: id }: { jobId: string }) => {
      if (id === jobId) {
        queueEvents.off(state, handler);
        resolve();
      }
    };
    queueEvents.on(state, handler);
  });
}

describe('worker retries', () => {
  it('when a job fails twice, then BullMQ retries it with exponential backoff and it completes', async () => {
    const calls: Calls = { attempts: [], times: [] };
    const job = flakyJob(2, calls);
    const queues = new JobQueues({ connection: conn(), prefix: bullPrefix, attempts: 5, backoffMs: 100 });
    const events = new QueueEvents('notifications', { connection: conn(), prefix: bullPrefix });
    await events.waitUntilReady();
    const runner = new WorkerRunner(new JobRegistry([job], {}), { connection: conn(), prefix: bullPrefix, concurrency: 1, logger });
    try {
      const id = await queues.enqueue(job, { n: 1 });
      await nextJobEvent(events, id, 'completed');
      expect(calls.attempts).toEqual([1, 2, 3]);
      // Exponential: the second wait is at least twice the base delay.
      expect(calls.times[1]! - calls.times[0]!).toBeGreaterThanOrEqual(100);
      expect(calls.times[2]! - calls.times[1]!).toBeGreaterThanOrEqual(200);
      const stored = await queues.byName.notifications.getJob(id);
      expect(stored?.attemptsMade).toBe(3);
      expect(await stored?.isCompleted()).toBe(true);
    } finally {
      await runner.close();
      await events.close();
      await queues.close();
    }
  });

  it('when a job keeps failing, then it ends failed after its attempts with the reason kept', async () => {
    const calls: Calls = { attempts: [], times: [] };
    const job = flakyJob(99, calls);
    const queues = new JobQueues({ connection: conn(), prefix: `${bullPrefix}2`, attempts: 3, backoffMs: 10 });
    const events = new QueueEvents('notifications', { connection: conn(), prefix: `${bullPrefix}2` });
    await events.waitUntilReady();
    const runner = new WorkerRunner(new JobRegistry([job], {}), { connection: conn(), prefix: `${bullPrefix}2`, concurrency: 1, logger });
    try {
      const id = await queues.enqueue(job, { n: 1 });
      await nextJobEvent(events, id, 'failed');
      // BullMQ emits 'failed' per attempt; wait until the final attempt has finished the job.
      await waitFor('the final attempt to finish the job', async () => (await queues.byName.notifications.getJob(id))?.finishedOn);
      const stored = await queues.byName.notifications.getJob(id);
      expect(stored?.attemptsMade).toBe(3);
      expect(stored?.failedReason).toBe('boom 3');
      expect(calls.attempts).toEqual([1, 2, 3]);
      expect((await queues.byName.notifications.getFailed()).map((j) => j.id)).toContain(id);
    } finally {
      await runner.close();
      await events.close();
      await queues.close();
    }
  });

  it('when a stored payload does not match the schema, then the job fails at once without retries', async () => {
    const calls: Calls = { attempts: [], times: [] };
    const job = flakyJob(0, calls);
    const raw = new Queue('notifications', { connection: conn(), prefix: `${bullPrefix}3` });
    const events = new QueueEvents('notifications', { connection: conn(), prefix: `${bullPrefix}3` });
    await events.waitUntilReady();
    const runner = new WorkerRunner(new JobRegistry([job], {}), { connection: conn(), prefix: `${bullPrefix}3`, concurrency: 1, logger });
    try {
      const added = await raw.add('flaky', { n: 'not a number' }, { attempts: 5, backoff: { type: 'exponential', delay: 10 } });
      await nextJobEvent(events, added.id!, 'failed');
      const stored = await raw.getJob(added.id!);
      expect(stored?.attemptsMade).toBe(1);
      expect(calls.attempts).toEqual([]);
    } finally {
      await runner.close();
      await events.close();
      await raw.close();
    }
  });

  it('when enqueuing a payload that does not match the schema, then nothing is stored', async () => {
    const job = flakyJob(0, { attempts: [], times: [] });
    const queues = new JobQueues({ connection: conn(), prefix: `${bullPrefix}4`, attempts: 1, backoffMs: 10 });
    try {
      await expect(queues.enqueue(job, { n: 'x' } as unknown as { n: number })).rejects.toThrow();
      expect(await queues.byName.notifications.count()).toBe(0);
    } finally {
      await queues.close();
    }
  });
});

describe('job registry', () => {
  it('when a job name is registered twice, then the registry refuses to start', () => {
    const calls: Calls = { attempts: [], times: [] };
    expect(() => new JobRegistry([flakyJob(0, calls), flakyJob(0, calls)], {})).toThrow(/registered twice/);
  });

  it('when a definition yields no handler, then the registry refuses to start', () => {
    const broken = defineJob({ name: 'broken', queue: 'notifications', schema: z.object({}), createHandler: () => undefined as never });
    expect(() => new JobRegistry([broken], {})).toThrow(/no handler/);
  });

  it('when a job needs a dependency the worker does not give, then it does not compile', () => {
    const needsMailer = defineJob({
      name: 'mail',
      queue: 'notifications',
      schema: z.object({}),
      createHandler: (deps: { mailer: { send(): Promise<void> } }) => () => deps.mailer.send(),
    });
    // @ts-expect-error the worker's JobDeps has no mailer, so the catalog refuses this job
    const catalog: ReadonlyArray<JobFor<JobDeps>> = [needsMailer];
    // @ts-expect-error a registry is refused dependencies that lack what a job asks for
    const registry = new JobRegistry([needsMailer], { notifications: {} });
    expect(catalog).toHaveLength(1);
    expect(registry.names()).toEqual(['mail']);
  });

  it('when the registry gets what each job picks, then it builds every handler with those dependencies', async () => {
    const seen: string[] = [];
    const greet = defineJob({
      name: 'greet',
      queue: 'notifications',
      schema: z.object({ who: z.string() }),
      createHandler: (deps: Pick<JobDeps, 'jobAttempts'>) => async (p) => void seen.push(`${p.who}/${deps.jobAttempts}`),
    });
    await new JobRegistry([greet], { jobAttempts: 3 }).run('greet', { who: 'ana' }, { logger, attempt: 1 });
    expect(seen).toEqual(['ana/3']);
  });
});

describe('worker heartbeat', () => {
  it('when WORKER_HEARTBEAT_FILE is set, then the running worker touches it; a stopped one does not', async () => {
    const fs = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const { createTestApp } = await import('../testing/test-app');
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'muse-hb-')), 'heartbeat');
    const app = await createTestApp({ worker: true, env: { WORKER_HEARTBEAT_FILE: file } });
    try {
      await waitFor('the heartbeat file', () => fs.stat(file).catch(() => undefined));
      const written = Number(await fs.readFile(file, 'utf8'));
      expect(Date.now() - written).toBeLessThan(60_000);
      expect(await app.worker!.runner.isHealthy()).toBe(true);
      await app.worker!.stop();
      expect(await app.worker!.runner.isHealthy()).toBe(false);
    } finally {
      await app.close();
    }
  });
});
