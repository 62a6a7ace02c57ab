import { vi } from 'vitest';

/** A request the app made, as the fake server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/** A JSON response, as the API would send it. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** An RFC 9457 problem response with the API's shape. */
export function problemResponse(
  status: number,
  code: string,
  detail: string,
  errors?: { path: string; message: string }[],
  headers: Record<string, string> = {},
): Response {
  const body = { type: `https://muse.example/problems/${code}`, title: code, status, detail, code, ...(errors ? { errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/**
 * Replaces `fetch` with a fake server keyed by "METHOD /path" (query string ignored) and
 * records every request. Unknown routes answer 404 so a test fails loudly.
 */
export function mockFetch(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://muse.test');
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request: RecordedRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const handler = routes[`${request.method} ${request.path}`];
    return handler ? handler(request) : problemResponse(404, 'not_found', `No route for ${request.method} ${request.path}`);
  });
  return { requests, spy };
}
