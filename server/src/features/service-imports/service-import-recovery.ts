import type { JobQueues } from '../../jobs/queues';
import { serviceImportJob, serviceImportJobId } from './service-import.job';
import type { ServiceImportsRepo } from './service-imports.repo';

/** How long an unfinished import must have been idle before its missing job counts as lost. */
export const SERVICE_IMPORT_LOST_AFTER_MS = 60_000;
const SWEEP_LIMIT = 100;

/**
 * Finds imports still `queued` or `importing` whose BullMQ job no longer exists (Redis restarted
 * without persistence, or was flushed) and queues the job again under the same id; a run starts
 * the playlist over and updates the same Muse playlist, so running again is safe.
 */
export class ServiceImportRecovery {
  constructor(private readonly deps: { repo: ServiceImportsRepo; queues: JobQueues }) {}

  /** Re-queues the lost jobs of imports idle for at least `idleMs`; answers how many it re-queued. */
  async requeueLostJobs(idleMs = SERVICE_IMPORT_LOST_AFTER_MS): Promise<number> {
    const queue = this.deps.queues.byName.imports;
    let requeued = 0;
    for (const { id } of await this.deps.repo.unfinishedIdleFor(idleMs, SWEEP_LIMIT)) {
      const jobId = serviceImportJobId(id);
      if (await queue.getJob(jobId)) continue;
      await this.deps.queues.enqueue(serviceImportJob, { importId: id }, { jobId });
      requeued += 1;
    }
    return requeued;
  }
}
