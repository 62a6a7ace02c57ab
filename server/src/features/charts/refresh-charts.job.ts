import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** Recomputes every chart into Redis. Runs on a schedule, at worker start and when a reader finds none. */
export const refreshChartsJob = defineJob({
  name: 'refresh-charts',
  queue: 'charts',
  schema: z.object({}).strict(),
  createHandler: (deps: Pick<JobDeps, 'charts'>) => async (_payload, ctx) => {
    const result = await deps.charts.refresh();
    ctx.logger.info(result, 'charts refreshed');
  },
});
