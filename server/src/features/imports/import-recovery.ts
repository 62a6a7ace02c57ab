import type { JobQueues } from '../../jobs/queues';
import { importApplyJob, importApplyJobId } from './import-apply.job';
import { importParseJob, importParseJobId } from './import-parse.job';
import type { ImportsRepo } from './imports.repo';

/** How long an unfinished import must have been idle before its missing job counts as lost. */
export const IMPORT_JOB_LOST_AFTER_MS = 60_000;
const SWEEP_LIMIT = 100;

/**
 * Finds imports still `parsing` or `applying` whose BullMQ job no longer exists (Redis restarted
 * without persistence, or was flushed) and queues that job again under the same id. Both jobs
 * resume safely: parsing starts over, applying continues after its last committed row.
 */
export class ImportRecovery {
  constructor(private readonly deps: { repo: ImportsRepo; queues: JobQueues }) {}

  /** Re-queues the lost jobs of imports idle for at least `idleMs`; answers how many it re-queued. */
  async requeueLostJobs(idleMs = IMPORT_JOB_LOST_AFTER_MS): Promise<number> {
    const queue = this.deps.queues.byName.imports;
    let requeued = 0;
    for (const { id, status } of await this.deps.repo.unfinishedIdleFor(idleMs, SWEEP_LIMIT)) {
      const importId = String(id);
      const [job, jobId] = status === 'parsing' ? [importParseJob, importParseJobId(importId)] : [importApplyJob, importApplyJobId(importId)];
      if (await queue.getJob(jobId)) continue;
      await this.deps.queues.enqueue(job, { importId }, { jobId });
      requeued += 1;
    }
    return requeued;
  }
}
