import type { JobQueues } from '../../jobs/queues';
import { conversionJob, conversionJobId } from './conversion.job';
import type { ConversionsRepo } from './conversions.repo';

/** How long an unfinished conversion must have been idle before its missing job counts as lost. */
export const CONVERSION_JOB_LOST_AFTER_MS = 60_000;
const SWEEP_LIMIT = 100;

/**
 * Finds conversions still queued or running whose BullMQ job no longer exists (Redis restarted
 * without persistence, or was flushed) and queues the job again under the same id; it resumes
 * from the last checkpoint and reconciles an interrupted write.
 */
export class ConversionRecovery {
  constructor(private readonly deps: { repo: ConversionsRepo; queues: JobQueues }) {}

  /** Re-queues the lost jobs of conversions idle for at least `idleMs`; answers how many it re-queued. */
  async requeueLostJobs(idleMs = CONVERSION_JOB_LOST_AFTER_MS): Promise<number> {
    const queue = this.deps.queues.byName.conversions;
    let requeued = 0;
    for (const { id } of await this.deps.repo.unfinishedIdleFor(idleMs, SWEEP_LIMIT)) {
      const jobId = conversionJobId(id);
      if (await queue.getJob(jobId)) continue;
      await this.deps.queues.enqueue(conversionJob, { conversionId: id }, { jobId });
      requeued += 1;
    }
    return requeued;
  }
}
