import type { FieldError } from '@muse/shared';

/**
 * The one error class of the API. `code` is snake_case and stable; `status` is the HTTP status;
 * `errors` carries per-field messages for forms.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Extra members of the problem document (RFC 9457 extensions), e.g. the current document of a conflict. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(code: string, message: string, errors?: FieldError[]): AppError {
    return new AppError(400, code, message, errors);
  }
  static unauthenticated(message = 'You need to sign in first.'): AppError {
    return new AppError(401, 'unauthenticated', message);
  }
  static forbidden(code = 'forbidden', message = 'You are not allowed to do that.'): AppError {
    return new AppError(403, code, message);
  }
  static notFound(what = 'Resource'): AppError {
    return new AppError(404, 'not_found', `${what} not found.`);
  }
  static conflict(code: string, message: string, errors?: FieldError[]): AppError {
    return new AppError(409, code, message, errors);
  }
  /** A write based on a version that is no longer current; `current` goes into the problem document. */
  static staleVersion(code: string, message: string, current: unknown): AppError {
    return new AppError(409, code, message, undefined, undefined, { current });
  }
  static rateLimited(retryAfterSeconds: number): AppError {
    return new AppError(429, 'rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
