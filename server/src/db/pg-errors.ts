import { isAnyError } from '../lib/native-error';
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
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { code?: unknown }).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((err as { code: string }).code) &&
    'severity' in err
  );
}

// SQLSTATEs of a connection Postgres ended or refused: connection exceptions (class 08), the
// server terminating it (admin_shutdown, crash_shutdown, cannot_connect_now), too many connections.
const UNAVAILABLE_CODES = /^(08...|57P0[123]|53300)$/;
// What node-postgres rejects a query with when its connection died under it, anywhere in the
// message: knex puts the statement in front ("select … - Connection terminated unexpectedly").
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
];

/**
 * Whether `err` says the database connection was lost or refused (the query may be retried on
 * another connection), as opposed to a statement Postgres refused.
 */
export function isDatabaseUnavailableError(err: unknown): boolean {
  if (isPgError(err)) return UNAVAILABLE_CODES.test(err.code);
  // Node's own socket errors may come from another realm than this code's (see isAnyError).
  if (!isAnyError(err)) return false;
  // The socket itself failed under a query (the server ended the connection while it was read or
  // written): node-postgres rejects with the system error as it came.
  const { code, syscall } = err as NodeJS.ErrnoException;
  if (syscall !== undefined && code !== undefined && SOCKET_LOST.has(code)) return true;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(err.message));
}

const SOCKET_LOST = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT']);

/**
 * A `.catch` handler for a write whose foreign key names a row that may vanish between a check
 * and the write: the violation becomes `missing()` (a domain error, e.g. a 404 naming the row),
 * anything else is thrown on unchanged.
 */
export function onForeignKeyViolation(missing: () => Error): (err: unknown) => never {
  return (err) => {
    if (isPgError(err) && err.code === PG.foreignKeyViolation) throw missing();
    throw err;
  };
}
