import { z } from 'zod';

/** One field-level validation error inside a problem document. */
export const FieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem document, as every 4xx/5xx answer of the API is shaped. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(FieldErrorSchema).optional(),
  instance: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
