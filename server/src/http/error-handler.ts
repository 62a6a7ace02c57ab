import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import mongoose from 'mongoose';
import { AppError } from '../lib/app-error';
import { isDatabaseUnavailableError, isPgError, PG } from '../db/pg-errors';
import { isRedisUnavailableError, REDIS_UNAVAILABLE_RETRY_AFTER_SECONDS } from '../lib/redis-errors';
import { sendProblem } from './problem';

/**
 * Turns zod issues into the `errors` list forms show next to fields, each naming its field: an
 * unknown key is named itself, and an issue with the whole value (not an object, a rule across
 * fields) is named `root` (the request part, such as `body`, when validate() checked one).
 */
export function zodFieldErrors(error: ZodError, root = '(root)'): { path: string; message: string }[] {
  const at = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : root);
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? // An empty key is named as JSON writes it, so the path still says which field.
        issue.keys.map((key) => ({ path: at([...issue.path, key === '' ? '""' : key]), message: 'Not a known field.' }))
      : [{ path: at(issue.path), message: issue.message }],
  );
}

interface HttpParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  code?: string;
}

const CLIENT_ERROR_CODES: Record<number, string> = { 400: 'malformed_request', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_encoding' };

/** The 4xx status a library error already carries (router, body-parser, http-errors), if any. */
function clientErrorStatus(err: HttpParserError | undefined): number | null {
  const status = err?.status ?? err?.statusCode;
  return typeof status === 'number' && status >= 400 && status <= 499 ? status : null;
}

/** Says what is wrong with the request, without passing on internals such as a decoder's own words. */
function describeClientError(err: HttpParserError): string {
  if (err instanceof URIError) return 'The URL has malformed percent-encoding.';
  if (err.code?.startsWith('Z_')) return 'The request body could not be decompressed: it does not match its Content-Encoding.';
  if (err.type === 'request.aborted') return 'The request was aborted before its body arrived.';
  if (err.type === 'request.size.invalid') return 'The request body does not match its Content-Length.';
  return 'The request is not valid.';
}

function isMongoDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** Answers any unknown /api path with a problem document, not the SPA. */
export const apiNotFound: RequestHandler = (req, res) => {
  sendProblem(res, 404, 'not_found', `No API route for ${req.method} ${req.path}.`);
};

/**
 * The one error handler: AppError, zod, body-parser, pg and mongoose errors, and any error that
 * already carries a 4xx status, become 4xx problem documents; anything else is logged with the
 * request id and answered with a bare 500. Redis or Postgres out of reach (a lost connection)
 * answers 503 `service_unavailable` with Retry-After.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  if (err instanceof AppError) {
    return sendProblem(res, err.status, err.code, err.message, err.errors, err.headers, err.extensions);
  }
  if (err instanceof ZodError) {
    return sendProblem(res, 400, 'validation_failed', 'Some fields are not valid.', zodFieldErrors(err));
  }
  const parserError = err as HttpParserError;
  if (parserError?.type === 'entity.too.large') {
    return sendProblem(res, 413, 'payload_too_large', 'The request body is too large.');
  }
  if (parserError?.type === 'entity.parse.failed') {
    return sendProblem(res, 400, 'malformed_json', 'The request body is not valid JSON.');
  }
  if (parserError?.type === 'encoding.unsupported' || parserError?.type === 'charset.unsupported') {
    return sendProblem(res, 415, 'unsupported_encoding', 'The request body encoding is not supported.');
  }
  if (isPgError(err)) {
    switch (err.code) {
      case PG.uniqueViolation:
        return sendProblem(res, 409, 'conflict', 'That already exists.');
      case PG.foreignKeyViolation:
        return sendProblem(res, 404, 'related_not_found', 'Something this refers to does not exist.');
      case PG.invalidTextRepresentation:
      case PG.numericOutOfRange:
      case PG.stringTooLong:
      case PG.checkViolation:
      case PG.notNullViolation:
        return sendProblem(res, 400, 'invalid_value', 'A value is not valid.');
    }
  }
  if (err instanceof mongoose.Error.ValidationError) {
    const errors = Object.entries(err.errors).map(([path, e]) => ({ path, message: e.message }));
    return sendProblem(res, 400, 'validation_failed', 'Some fields are not valid.', errors);
  }
  if (err instanceof mongoose.Error.CastError) {
    return sendProblem(res, 400, 'invalid_value', `Invalid value for ${err.path}.`);
  }
  if (isMongoDuplicateKey(err)) {
    return sendProblem(res, 409, 'conflict', 'That already exists.');
  }
  const clientStatus = clientErrorStatus(parserError);
  if (clientStatus) {
    return sendProblem(res, clientStatus, CLIENT_ERROR_CODES[clientStatus] ?? 'bad_request', describeClientError(parserError));
  }
  const unavailable = isRedisUnavailableError(err) ? 'redis' : isDatabaseUnavailableError(err) ? 'postgres' : null;
  if (unavailable) {
    req.log?.warn({ err }, `${unavailable} unavailable`);
    return sendProblem(res, 503, 'service_unavailable', 'Muse is briefly unavailable. Try again in a few seconds.', undefined, {
      'Retry-After': String(REDIS_UNAVAILABLE_RETRY_AFTER_SECONDS),
    });
  }
  req.log?.error({ err }, 'unhandled error');
  return sendProblem(res, 500, 'internal');
};
