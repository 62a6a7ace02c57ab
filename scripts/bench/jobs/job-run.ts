import type { DatasetScale } from '../dataset/dataset-scale';

/** What the job scenarios reuse of the run: where the data set and Redis are, and how to stop what they start. */
export interface JobRun {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  password: string;
  stopLater(label: string, stop: () => Promise<unknown>): void;
  log(line: string): void;
}

/** Job scenarios that also put load on a server: the data set's scale and the load phases' lengths. */
export interface LoadJobRun extends JobRun {
  scale: DatasetScale;
  durationSeconds: number;
  warmupSeconds: number;
}

/** The value at percentile `p` (0-100) of sorted figures (nearest rank). */
export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Rounded to hundredths, as the report prints milliseconds. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;
