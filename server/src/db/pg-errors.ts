/** Postgres SQLSTATE codes the error handler maps to HTTP answers. */
export const PG = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  invalidTextRepresentation: '22P02',
  numericOutOfRange: '22003',
  stringTooLong: '22001',
} as const;

export interface PgError {
  code: string;
  constraint?: string;
  detail?: string;
}

/** Whether an unknown error is a Postgres error with a SQLSTATE. */
export function isPgError(err: unknown): err is PgError {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((err as { code: string }).code) && 'severity' in err;
}
