import { CSRF_HEADER, type FieldError } from '@muse/shared';
import { readCsrfToken, readProblem } from './problem-document';

/** Per-field messages keyed by field name (the problem's `errors[].path`). */
export type FieldErrors = Record<string, string>;

/** An API failure as the UI needs it: status, stable code, a readable detail and field messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: FieldErrors;
  /** Seconds to wait before retrying, from `Retry-After` (429/503), when the server sent one. */
  readonly retryAfterSeconds: number | null;
  /** The problem document as sent, for codes that carry more members (a version conflict's `current`). */
  readonly problem: Record<string, unknown> | null;

  constructor(init: {
    status: number;
    code: string;
    detail: string;
    fieldErrors?: FieldErrors;
    retryAfterSeconds?: number | null;
    problem?: Record<string, unknown> | null;
  }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.problem = init.problem ?? null;
  }
}

/** True when `error` is an ApiError, optionally with the given code. */
export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const FALLBACK_DETAIL: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You need to sign in first.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with something that already exists.',
  429: 'Too many requests. Please wait a moment.',
  500: 'Something went wrong on our side. Please try again.',
};

function fieldErrorsFrom(errors: FieldError[] | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const { path, message } of errors ?? []) {
    // Keep the first message per field: it is the one a reader should fix first.
    if (out[path] === undefined) out[path] = message;
  }
  return out;
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Turns a failed Response into an ApiError, reading an RFC 9457 problem document when the
 * server sent one and falling back to a status-based message otherwise.
 */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const problem = readProblem(body);
  if (problem) {
    return new ApiError({
      status: response.status,
      code: problem.code,
      detail: problem.detail ?? problem.title,
      fieldErrors: fieldErrorsFrom(problem.errors),
      retryAfterSeconds,
      problem: body as Record<string, unknown>,
    });
  }
  const generic = response.status >= 500 ? FALLBACK_DETAIL[500] : FALLBACK_DETAIL[response.status];
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    detail: generic ?? `Request failed (${response.status}).`,
    retryAfterSeconds,
  });
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from the latest SessionResponse or `GET /api/csrf`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token currently held in memory, if any. */
export function getCsrfToken(): string | null {
  return csrfToken;
}

let refreshing: Promise<string> | null = null;

async function fetchCsrfToken(): Promise<string> {
  const response = await send('GET', '/api/csrf');
  if (!response.ok) throw await toApiError(response);
  const token = readCsrfToken(await response.json());
  if (token === null) throw new ApiError({ status: response.status, code: 'csrf_missing', detail: 'Muse sent no security token. Please try again.' });
  csrfToken = token;
  return token;
}

/**
 * Fetches a fresh anonymous CSRF token from the server and keeps it. Callers at the same time
 * share one request: on a first visit each answer would set a different token cookie.
 */
export function refreshCsrfToken(): Promise<string> {
  refreshing ??= fetchCsrfToken().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Finds the token that matches the current cookie: the session's when signed in,
 * an anonymous one otherwise.
 */
async function recoverCsrfToken(): Promise<void> {
  const response = await send('GET', '/api/me');
  if (response.ok) {
    const token = readCsrfToken(await response.json());
    if (token !== null) {
      csrfToken = token;
      return;
    }
  }
  await refreshCsrfToken();
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A file sent as the raw request body (uploads), as opposed to a JSON body. */
export class RawBody {
  constructor(
    readonly data: Blob,
    readonly contentType: string,
  ) {}
}

async function send(method: Method, path: string, body?: unknown, token?: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body instanceof RawBody) headers['content-type'] = body.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers[CSRF_HEADER] = token;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : body instanceof RawBody ? body.data : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: 'Could not reach Muse. Check your connection and try again.' });
  }
}

/**
 * Sends a JSON request to the API. State-changing methods carry the CSRF header; a
 * `csrf_invalid` answer refreshes the token and retries once. Resolves with the parsed
 * body (undefined for 204) or rejects with an ApiError.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const changesState = method !== 'GET';
  if (changesState && csrfToken === null) await refreshCsrfToken();

  let response = await send(method, path, body, changesState ? csrfToken : null);
  if (changesState && response.status === 403) {
    const error = await toApiError(response.clone());
    if (error.code === 'csrf_invalid') {
      await recoverCsrfToken();
      response = await send(method, path, body, csrfToken);
    }
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Shorthands for apiRequest, one per HTTP verb. */
export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => apiRequest<T>('DELETE', path, body),
  /** Sends a file as the raw body of a POST (its own type, else application/octet-stream). */
  upload: <T>(path: string, file: Blob) => apiRequest<T>('POST', path, new RawBody(file, file.type || 'application/octet-stream')),
};
