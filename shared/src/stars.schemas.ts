import { z } from 'zod';

/** Half-star ratings: 0.5 to 5 in the API and UI, stored as integers 1 to 10. */
export const StarsSchema = z
  .number({ error: 'Rating must be a number of stars from 0.5 to 5' })
  .min(0.5, 'Rating must be at least half a star')
  .max(5, 'Rating must be at most 5 stars')
  .refine((n) => Number.isInteger(n * 2), 'Rating must be in half stars (0.5, 1, 1.5 … 5)');
export type Stars = z.infer<typeof StarsSchema>;

/** A rating as answers carry it: half stars from 0.5 to 5 (`StarsSchema` is the input check, with its messages). */
export const StarsValueSchema = z.number().min(0.5).max(5).multipleOf(0.5);

/** Calendar date as YYYY-MM-DD, a real date, not in the future (a day of slack for time zones). */
export const ListenedOnSchema = z
  .string({ error: 'Date must be YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Date is not a real calendar day')
  .refine((s) => new Date(`${s}T00:00:00Z`).getTime() <= Date.now() + 24 * 3600 * 1000, 'Date cannot be in the future')
  .refine((s) => s >= '1900-01-01', 'Date is too far in the past');
