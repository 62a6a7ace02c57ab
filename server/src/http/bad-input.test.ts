import zlib from 'node:zlib';
import type { Response } from 'supertest';
import { CSRF_HEADER } from '@muse/shared';
import { useTestApp, type TestClient } from '../testing/test-app';
import { makeAlbum, registerUser } from '../testing/factories';

const app = useTestApp({ env: { ADMIN_HANDLES: 'bad_input_admin' } });

const cursorOf = (keys: unknown[]) => Buffer.from(JSON.stringify(keys)).toString('base64url');

/** A 400 problem document naming `field`, with no stack trace. */
function expectProblem(res: Response, status: number, code: string, field?: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.text).not.toMatch(/\n\s+at /);
  if (field) expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(field);
}

async function reviewBy(client: TestClient): Promise<{ reviewId: string; albumId: string }> {
  const album = await makeAlbum(app.container.knex);
  const res = await client.post(`/api/albums/${album.id}/reviews`, { body: 'A review to report' });
  expect(res.status).toBe(201);
  return { reviewId: res.body.id as string, albumId: album.id };
}

describe('errors that already carry a 4xx status', () => {
  it('when a path has malformed percent-encoding, then it answers 400 saying so', async () => {
    const res = await app.client().get('/api/users/%E0%A4%A');
    expectProblem(res, 400, 'malformed_request');
    expect(res.body.detail).toMatch(/encod/i);
  });

  it('when a gzip body is not valid gzip, then it answers 400 saying so', async () => {
    const client = app.client();
    const token = await client.ensureCsrf();
    const res = await client.agent
      .post('/api/auth/login')
      .set(CSRF_HEADER, token)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('this is not gzip');
    expectProblem(res, 400, 'malformed_request');
    expect(res.body.detail).toMatch(/gzip|decompress|encod/i);
  });

  it('when a gzip body is valid, then it is read as usual', async () => {
    const client = app.client();
    const token = await client.ensureCsrf();
    const gz = zlib.gzipSync(JSON.stringify({ identifier: 'nobody_at_all', password: 'not the password' }));
    // supertest would serialise a Buffer as JSON, so the bytes go through fetch.
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { [CSRF_HEADER]: token, Cookie: client.cookieHeader(), 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gz,
    });
    expect(res.status).toBe(401);
  });
});

describe('NUL characters in user text', () => {
  it('when a login identifier holds NUL, then it answers 400 naming the field', async () => {
    expectProblem(
      await app.client().post('/api/auth/login', { identifier: 'fan\u0000', password: 'whatever whatever' }),
      400,
      'validation_failed',
      'identifier',
    );
  });

  it('when a report reason or an admin note holds NUL, then it answers 400 naming the field', async () => {
    const author = await registerUser(app);
    const reporter = await registerUser(app);
    const { reviewId } = await reviewBy(author.client);
    expectProblem(
      await reporter.client.post('/api/reports', { targetType: 'review', targetId: reviewId, reason: 'spam\u0000' }),
      400,
      'validation_failed',
      'reason',
    );
    const report = await reporter.client.post('/api/reports', { targetType: 'review', targetId: reviewId, reason: 'spam' });
    expect(report.status).toBe(201);
    const admin = await registerUser(app, { handle: 'bad_input_admin' });
    expectProblem(
      await admin.client.post(`/api/admin/reports/${report.body.id}/resolve`, { action: 'dismiss', note: 'fine\u0000' }),
      400,
      'validation_failed',
      'note',
    );
  });

  it('when review, comment, profile and diary texts hold NUL, then each answers 400 naming the field', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(app.container.knex);
    expectProblem(await client.post(`/api/albums/${album.id}/reviews`, { body: 'nice\u0000' }), 400, 'validation_failed', 'body');
    const { reviewId } = await reviewBy(client);
    expectProblem(await client.post(`/api/reviews/${reviewId}/comments`, { body: 'nice\u0000' }), 400, 'validation_failed', 'body');
    expectProblem(await client.send('patch', '/api/me/profile', { bio: 'hi\u0000' }), 400, 'validation_failed', 'bio');
    expectProblem(await client.post('/api/diary', { albumId: album.id, listenedOn: '2024-01-02', review: 'ok\u0000' }), 400, 'validation_failed', 'review');
  });

  it('when search or chart filters hold NUL, then they answer 400 naming the field', async () => {
    expectProblem(await app.client().get('/api/search').query({ q: 'ab\u0000' }), 400, 'validation_failed', 'q');
    expectProblem(await app.client().get('/api/search').query({ q: 'abc', genre: 'ro\u0000ck' }), 400, 'validation_failed', 'genre');
    expectProblem(await app.client().get('/api/charts').query({ kind: 'genre', genre: 'ro\u0000ck' }), 400, 'validation_failed', 'genre');
  });

  it('when a mute target holds NUL, in the body or the path, then it answers 400 naming the field', async () => {
    const { client } = await registerUser(app);
    expectProblem(await client.post('/api/me/mutes', { kind: 'artist', target: '1\u0000' }), 400, 'validation_failed', 'target');
    expectProblem(await client.delete('/api/me/mutes/user/ab%00cd'), 400, 'validation_failed', 'target');
    expectProblem(await client.delete('/api/me/mutes/us%00er/abcd'), 400, 'validation_failed', 'kind');
  });

  it('when an imported CSV holds NUL, then it is refused with a reason naming the file', async () => {
    const { client } = await registerUser(app);
    const res = await client.post('/api/imports', { source: 'letterboxd', csv: 'Date,Name,Year,Rating\n2024-01-01,Blue\u0000,1971,4\n' });
    expectProblem(res, 400, 'validation_failed', 'csv');
    expect(res.body.errors[0].message).toMatch(/NUL|UTF-8/);
  });
});

describe('cursors holding out-of-range dates', () => {
  const yearZero = '0000-06-01 12:00:00.000000';

  it('when a review, follow or diary cursor holds year 0000, then it answers 400 invalid_cursor', async () => {
    const { client, session } = await registerUser(app);
    const { albumId } = await reviewBy(client);
    const handle = session.user.handle;
    const cases = [
      `/api/albums/${albumId}/reviews?sort=recent&cursor=${cursorOf(['reviews.recent', yearZero, '1'])}`,
      `/api/albums/${albumId}/reviews?sort=popular&cursor=${cursorOf(['reviews.popular', 0, yearZero, '1'])}`,
      `/api/users/${handle}/reviews?cursor=${cursorOf(['reviews.recent', yearZero, '1'])}`,
      `/api/users/${handle}/followers?cursor=${cursorOf(['followers', yearZero, '1'])}`,
      `/api/users/${handle}/following?cursor=${cursorOf(['following', yearZero, '1'])}`,
      `/api/me/follow-requests?cursor=${cursorOf(['follow-requests', yearZero, '1'])}`,
      `/api/me/blocks?cursor=${cursorOf(['blocks', yearZero, '1'])}`,
      `/api/users/${handle}/diary?cursor=${cursorOf(['diary', '0000-06-01', '1'])}`,
      `/api/users/${handle}/diary?cursor=${cursorOf(['diary', '+10000-06-01', '1'])}`,
    ];
    for (const path of cases) expectProblem(await client.get(path), 400, 'invalid_cursor');
  });

  it('when the suspended-accounts cursor points outside years 1 to 9999, then it answers 400 invalid_cursor', async () => {
    const { client, session } = await registerUser(app);
    await app.container.knex('users').where({ id: session.user.id }).update({ role: 'admin' });
    const tooLate = Buffer.from('s:999999999999999999:1').toString('base64url');
    const tooEarly = Buffer.from('s:-99999999999999999:1').toString('base64url');
    for (const cursor of [tooLate, tooEarly]) expectProblem(await client.get(`/api/admin/users/suspended?cursor=${cursor}`), 400, 'invalid_cursor');
  });
});
