import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../testing/mock-fetch';
import { api, ApiError, getCsrfToken, setCsrfToken, toApiError } from './api-client';

describe('toApiError', () => {
  it('when the server sends a problem document, then status, code, detail and field errors are kept', async () => {
    const error = await toApiError(
      problemResponse(409, 'handle_taken', 'That handle is taken.', [
        { path: 'handle', message: 'That handle is taken.' },
        { path: 'handle', message: 'A second, less useful message.' },
        { path: 'email', message: 'Enter a valid email address' },
      ]),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('handle_taken');
    expect(error.detail).toBe('That handle is taken.');
    expect(error.fieldErrors).toEqual({ handle: 'That handle is taken.', email: 'Enter a valid email address' });
  });

  it('when a 429 carries Retry-After, then the wait is exposed in seconds', async () => {
    const error = await toApiError(problemResponse(429, 'rate_limited', 'Too many attempts.', undefined, { 'Retry-After': '42' }));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(42);
  });

  it('when the body is not a problem document, then a readable fallback is used', async () => {
    const error = await toApiError(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.detail).toMatch(/something went wrong/i);
    expect(error.fieldErrors).toEqual({});
  });
});

describe('apiRequest', () => {
  it('when writing without a token, then it fetches one first and sends it in x-csrf-token', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon-token' }),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    await api.post('/api/auth/logout');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/csrf', 'POST /api/auth/logout']);
    expect(requests[1]?.headers['x-csrf-token']).toBe('anon-token');
  });

  it('when the server answers csrf_invalid, then the token is refreshed and the request retried once', async () => {
    setCsrfToken('stale');
    let attempts = 0;
    const { requests } = mockFetch({
      'GET /api/me': () => problemResponse(401, 'unauthenticated', 'Sign in first.'),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 'fresh' }),
      'POST /api/auth/login': (request) => {
        attempts += 1;
        return request.headers['x-csrf-token'] === 'fresh' ? jsonResponse({ ok: true }) : problemResponse(403, 'csrf_invalid', 'Invalid CSRF token.');
      },
    });
    await expect(api.post('/api/auth/login', { identifier: 'a', password: 'b' })).resolves.toEqual({ ok: true });
    expect(attempts).toBe(2);
    expect(getCsrfToken()).toBe('fresh');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('when a request fails, then it rejects with the parsed ApiError', async () => {
    setCsrfToken('t');
    mockFetch({ 'POST /api/auth/login': () => problemResponse(401, 'invalid_credentials', 'Wrong handle or password.') });
    await expect(api.post('/api/auth/login', {})).rejects.toMatchObject({ status: 401, code: 'invalid_credentials', detail: 'Wrong handle or password.' });
  });
});
