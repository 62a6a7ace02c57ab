import { z } from 'zod';

export const FailedJobSchema = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string(),
  failedReason: z.string(),
  attemptsMade: z.number().int(),
  failedAt: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type FailedJob = z.infer<typeof FailedJobSchema>;

export const FailedJobListSchema = z.object({ items: z.array(FailedJobSchema) });
export type FailedJobList = z.infer<typeof FailedJobListSchema>;

export const JobParamsSchema = z.object({
  queue: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'Unknown queue'),
  id: z.string().min(1).max(200),
});

/** GET /healthz: the process is alive. */
export const HealthSchema = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof HealthSchema>;

/** GET /readyz when every dependency answers: each check by name, all up (otherwise a 503 problem names those down). */
export const ReadinessSchema = z.object({
  status: z.literal('ready'),
  checks: z.record(z.string(), z.literal('up')),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
