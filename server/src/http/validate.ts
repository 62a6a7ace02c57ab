import type { Request, RequestHandler } from 'express';
import type { ZodType } from 'zod';
import { AppError } from '../lib/app-error';
import { zodFieldErrors } from './error-handler';

interface Schemas {
  body?: ZodType;
  query?: ZodType;
  params?: ZodType;
}

declare module 'express-serve-static-core' {
  interface Request {
    valid: { body?: unknown; query?: unknown; params?: unknown };
  }
}

/**
 * Validates body, query and params with zod; the parsed values land in `req.valid`.
 * A failure answers 400 `validation_failed` with one entry per bad field; a problem with a whole
 * part (a body that is not an object, a rule across its fields) is named by the part: `body`.
 */
export function validate(schemas: Schemas): RequestHandler {
  return (req, _res, next) => {
    const valid: Request['valid'] = {};
    const errors: { path: string; message: string }[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(part === 'body' ? (req.body ?? {}) : req[part]);
      if (result.success) valid[part] = result.data;
      else errors.push(...zodFieldErrors(result.error, part));
    }
    if (errors.length) return next(AppError.badRequest('validation_failed', 'Some fields are not valid.', errors));
    req.valid = valid;
    next();
  };
}
