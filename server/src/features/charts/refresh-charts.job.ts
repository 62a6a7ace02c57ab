import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition';
import type { ChartsService } from './charts.service';

export interface RefreshChartsJobDeps {
  charts: ChartsService;
}

/** Recomputes every chart into Redis. Runs on a schedule, at worker start and when a reader finds none. */
export const refreshChartsJob = defineJob({
  name: 'refresh-charts',
  queue: 'charts',
  schema: z.object({}).strict(),
  createHandler: (deps: RefreshChartsJobDeps) => async (_payload, ctx) => {
    const result = await deps.charts.refresh();
    ctx.logger.info(result, 'charts refreshed');
  },
});
