/** Thrown when Muse cannot get a database or Redis and the user must change something; the message says what. */
export class InfrastructureError extends Error {
  override name = 'InfrastructureError';
}

/** Why something failed, in words fit for a log line. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // Connection errors to several addresses arrive as an AggregateError with an empty message.
  return err.message || (err as NodeJS.ErrnoException).code || err.name;
}
