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
