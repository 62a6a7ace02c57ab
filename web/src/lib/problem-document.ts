import type { FieldError, Problem } from '@muse/shared';

// The same checks as the shared ProblemSchema, written out by hand: every request goes through
// the api client, and zod would otherwise be part of the first download of every page.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
const isFieldError = (value: unknown): value is FieldError => isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';

/** The body as an RFC 9457 problem document when it is one (what `ProblemSchema` accepts), else null. */
export function readProblem(body: unknown): Problem | null {
  if (!isRecord(body)) return null;
  const { type, title, status, detail, code, errors, instance } = body;
  if (typeof type !== 'string' || typeof title !== 'string' || typeof code !== 'string') return null;
  if (typeof status !== 'number' || !Number.isInteger(status)) return null;
  if (!optionalString(detail) || !optionalString(instance)) return null;
  if (errors !== undefined && !(Array.isArray(errors) && errors.every(isFieldError))) return null;
  return {
    type,
    title,
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors: errors.map(({ path, message }) => ({ path, message })) }),
    ...(instance === undefined ? {} : { instance }),
  };
}

/** The `csrfToken` of a session or CSRF answer, or null when the body has none. */
export function readCsrfToken(body: unknown): string | null {
  return isRecord(body) && typeof body.csrfToken === 'string' ? body.csrfToken : null;
}
