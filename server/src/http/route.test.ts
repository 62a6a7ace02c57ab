import express, { Router } from 'express';
import request from 'supertest';
import { z } from 'zod';
import type { UserRow } from '../features/auth/users.repo';
import { AppError } from '../lib/app-error';
import { errorHandler } from './error-handler';
import { JsonText } from './json-text';
import { createdOrFound, createRoutes, unnamedFields, WithStatus } from './route';

const person = (id: string, role: UserRow['role']): UserRow =>
  ({
    id,
    handle: `p${id}`,
    email: `p${id}@example.test`,
    display_name: `P${id}`,
    password_hash: 'x',
    role,
    created_at: new Date(),
    suspended_at: null,
  }) as UserRow;
const PEOPLE: Record<string, UserRow> = { '1': person('1', 'user'), '2': person('2', 'admin') };

/** An app whose "session" is the X-Test-User header, so the helper's auth levels can be checked alone. */
function appWith(define: (routes: ReturnType<typeof createRoutes>) => void, checkResponses = false) {
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    const id = req.header('x-test-user');
    req.session = id ? { hash: 'h', userId: id, csrfToken: 't', createdAt: 0, absoluteExpiresAt: 0 } : null;
    next();
  });
  const router = Router();
  define(createRoutes(router, { currentUser: async (s) => PEOPLE[s.userId] ?? null, checkResponses }));
  app.use(router);
  app.use(errorHandler);
  return app;
}

describe('the typed route helper', () => {
  const limited: string[] = [];
  const app = appWith((routes) => {
    routes.get('/things/:id', {
      params: z.object({ id: z.coerce.number().int().positive() }),
      query: z.object({ upper: z.enum(['yes', 'no']).default('no') }),
      handle: ({ params, query, viewerId }) => ({ id: params.id + 1, upper: query.upper, viewerId }),
    });
    routes.post('/things', {
      auth: 'signed-in',
      limit: (_req, _res, next) => {
        limited.push('hit');
        next();
      },
      body: z.object({ name: z.string().min(1) }),
      status: 201,
      handle: ({ body, user }) => ({ name: body.name, by: user.handle }),
    });
    routes.delete('/things/:id', { auth: 'admin', handle: () => undefined });
    routes.get('/fails', { handle: () => Promise.reject(AppError.conflict('taken', 'Already taken.')) });
    routes.get('/download', { handle: ({ res }) => void res.type('text/plain').send('raw') });
  });

  test('when inputs are valid, then the handler gets them parsed and its result is the JSON answer', async () => {
    const res = await request(app).get('/things/41?upper=yes').set('x-test-user', '1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 42, upper: 'yes', viewerId: '1' });
  });

  test('when params or query are not valid, then it answers 400 problem+json naming each field', async () => {
    const res = await request(app).get('/things/zero?upper=maybe');
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['id', 'upper']);
  });

  test('when a signed-in route is called signed out, then the rate limit ran first and it answers 401', async () => {
    limited.length = 0;
    const res = await request(app).post('/things').send({ name: 'x' });
    expect(res.status).toBe(401);
    expect(limited).toEqual(['hit']);
  });

  test('when signed in, then the status given is used and the handler sees the account', async () => {
    const res = await request(app).post('/things').set('x-test-user', '1').send({ name: 'Ana' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'Ana', by: 'p1' });
  });

  test('when an admin route is called by someone else, then 403; by an admin, a handler returning nothing answers 204', async () => {
    expect((await request(app).delete('/things/1').set('x-test-user', '1')).status).toBe(403);
    const res = await request(app).delete('/things/1').set('x-test-user', '2');
    expect(res.status).toBe(204);
  });

  test('when the handler throws an AppError, then the error handler answers it', async () => {
    const res = await request(app).get('/fails');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('taken');
  });

  test('when the handler wrote the response itself, then it is left alone', async () => {
    const res = await request(app).get('/download');
    expect(res.status).toBe(200);
    expect(res.text).toBe('raw');
  });
});

describe('the response check under test', () => {
  const Counted = z.object({ count: z.number().int(), at: z.iso.datetime() });
  // Handlers that break their schema the way a drifting presenter would, past the type checker.
  const define = (routes: ReturnType<typeof createRoutes>) => {
    routes.get('/right', { response: Counted, handle: () => ({ count: 2, at: new Date(0) as unknown as string }) });
    routes.get('/wrong', { response: Counted, handle: () => ({ count: 'two' }) as unknown as z.input<typeof Counted> });
    routes.get('/kept', { response: Counted, handle: () => new JsonText('{"count":1.5,"at":"1970-01-01T00:00:00.000Z"}') });
    routes.get('/nothing', { response: Counted, statuses: [204], handle: () => undefined });
    routes.get('/undeclared-nothing', { response: Counted, handle: () => undefined });
    routes.get('/leaky', {
      response: z.object({ items: z.array(Counted) }),
      handle: () => ({ items: [{ count: 1, at: '1970-01-01T00:00:00.000Z', email: 'a@example.test' }] }),
    });
    routes.put('/made/:fresh', {
      params: z.object({ fresh: z.enum(['yes', 'no']) }),
      status: 201,
      statuses: [200],
      response: Counted,
      handle: ({ params }) =>
        createdOrFound(params.fresh === 'yes', { count: params.fresh === 'yes' ? 1 : ('one' as unknown as number), at: '1970-01-01T00:00:00.000Z' }),
    });
    routes.put('/undeclared', { response: Counted, handle: () => new WithStatus(202, { count: 1, at: '1970-01-01T00:00:00.000Z' }) });
  };
  const checked = appWith(define, true);
  const unchecked = appWith(define, false);

  test('when an answer matches its response schema as JSON (a Date sent as a string), then it is sent', async () => {
    const res = await request(checked).get('/right');
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { count: 2, at: '1970-01-01T00:00:00.000Z' } });
    expect((await request(checked).get('/nothing')).status).toBe(204);
  });

  test('when an answer or kept JSON text breaks its response schema, then the request fails instead of passing the test that made it', async () => {
    for (const path of ['/wrong', '/kept']) {
      const res = await request(checked).get(path);
      expect({ path, status: res.status, type: res.type }).toEqual({ path, status: 500, type: 'application/problem+json' });
    }
  });

  test('when a handler picks its status, then it is sent with that status, checked like any answer, and only if the spec declares it', async () => {
    const made = await request(checked).put('/made/yes');
    expect({ status: made.status, body: made.body }).toEqual({ status: 201, body: { count: 1, at: '1970-01-01T00:00:00.000Z' } });
    // The 200 answer here breaks the schema: picking a status does not skip the check.
    expect((await request(checked).put('/made/no')).status).toBe(500);
    expect((await request(unchecked).put('/made/no')).status).toBe(200);
    expect((await request(unchecked).put('/undeclared')).status).toBe(500);
  });

  test('when a handler answers nothing (204) but its spec does not list 204, then under test the request fails', async () => {
    expect((await request(checked).get('/undeclared-nothing')).status).toBe(500);
    expect((await request(unchecked).get('/undeclared-nothing')).status).toBe(204);
  });

  test('when an answer carries a field its schema does not name, then the request fails and the field is named', async () => {
    expect((await request(checked).get('/leaky')).status).toBe(500);
    expect(unnamedFields({ items: [{ a: 1, b: { c: 2, d: 3 } }] }, { items: [{ a: 1, b: { c: 2 } }] })).toEqual(['items.0.b.d']);
  });

  test('when the check is off (outside tests), then the same answers are sent as they are', async () => {
    const res = await request(unchecked).get('/wrong');
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { count: 'two' } });
  });
});
