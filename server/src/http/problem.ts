import type { Response } from 'express';
import type { FieldError, Problem } from '@muse/shared';
import { STATUS_CODES } from 'node:http';

/** Sends an RFC 9457 problem document with the right content type. */
export function sendProblem(
  res: Response,
  status: number,
  code: string,
  detail?: string,
  errors?: FieldError[],
  headers?: Record<string, string>,
  extensions?: Record<string, unknown>,
): void {
  const body: Problem & Record<string, unknown> = {
    ...extensions,
    type: `/problems/${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length ? { errors } : {}),
  };
  if (headers) res.set(headers);
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}
