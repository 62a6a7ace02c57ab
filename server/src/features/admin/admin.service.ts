import type { FailedJob } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { QUEUE_NAMES, type QueueName } from '../../jobs/job-definition';
import type { JobQueues } from '../../jobs/queues';

/** Operations views for administrators: jobs that exhausted their retries. */
export class AdminService {
  constructor(private readonly queues: JobQueues) {}

  /** The most recent failed jobs of every queue, newest first. */
  async failedJobs(limit = 100): Promise<FailedJob[]> {
    const lists = await Promise.all(
      QUEUE_NAMES.map(async (queue) => {
        const jobs = await this.queues.byName[queue].getFailed(0, limit - 1);
        return jobs.map((job) => ({
          id: String(job.id),
          queue,
          name: job.name,
          failedReason: job.failedReason ?? '',
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          data: (job.data ?? {}) as Record<string, unknown>,
        }));
      }),
    );
    return lists
      .flat()
      .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
      .slice(0, limit);
  }

  /** Puts a failed job back on its queue. */
  async retry(queue: string, id: string): Promise<void> {
    if (!(QUEUE_NAMES as readonly string[]).includes(queue)) throw AppError.notFound('Queue');
    const job = await this.queues.byName[queue as QueueName].getJob(id);
    if (!job || !(await job.isFailed())) throw AppError.notFound('Failed job');
    await job.retry('failed');
  }
}
