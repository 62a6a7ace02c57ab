import request from 'supertest';
import { CSRF_HEADER } from '@muse/shared';
import { createApp } from './create-app';
import { useTestApp } from '../testing/test-app';
import { makeAlbum, registerUser } from '../testing/factories';
import { listAppRoutes } from './openapi/route-table';

/**
 * Every state-changing API route, whatever router it lives in, refuses a request that lacks the
 * session's CSRF token, before anything is read or written.
 */

const app = useTestApp({ env: { ADMIN_HANDLES: 'csrf_admin' } });

/** Row counts of every table, to show that refused requests wrote nothing. */
async function rowCounts(): Promise<Record<string, number>> {
  const knex = app.container.knex;
  const tables = await knex('pg_tables').where({ schemaname: 'public' }).pluck('tablename');
  const counts: Record<string, number> = {};
  for (const table of tables as string[]) counts[table] = Number((await knex(table).count({ n: '*' }).first())!.n);
  return counts;
}

describe('CSRF on every state-changing route', () => {
  it('when any POST, PUT, PATCH or DELETE under /api comes without the token, with a wrong one, or signed in with the signed-out one, then it answers 403 csrf_invalid and nothing is stored', async () => {
    const writes = listAppRoutes(createApp(app.container)).filter((r) => r.path.startsWith('/api/') && r.method !== 'get');
    expect(writes.length).toBeGreaterThan(50);

    const admin = await registerUser(app, { handle: 'csrf_admin' });
    const album = await makeAlbum(app.container.knex);
    const review = await admin.client.post(`/api/albums/${album.id}/reviews`, { body: 'Mine', rating: 4 });
    expect(review.status).toBe(201);
    const anon = app.client();
    const anonToken = await anon.ensureCsrf();

    const fill = (path: string) =>
      path
        .replace(/:handle|:target/g, admin.input.handle)
        .replace(/albums\/:id|:albumId/g, (m) => m.replace(/:id|:albumId/, album.id))
        .replace(/reviews\/:id/g, `reviews/${review.body.id}`)
        .replace(/:kind/g, 'user')
        .replace(/:[A-Za-z]+/g, '1');
    // A body that would be accepted where it fits, so only the missing token can be the reason for a refusal.
    const body = { rating: 4, body: 'Forged', identifier: admin.input.handle, password: admin.input.password, isPrivate: true };
    const callers = [
      { who: 'signed in, no token', cookie: admin.client.cookieHeader(), token: undefined },
      { who: 'signed in, wrong token', cookie: admin.client.cookieHeader(), token: 'x'.repeat(43) },
      { who: 'signed in, the signed-out token', cookie: `${admin.client.cookieHeader()}; ${anon.cookieHeader()}`, token: anonToken },
      { who: 'signed out, no token', cookie: anon.cookieHeader(), token: undefined },
      { who: 'signed out, token without its cookie', cookie: '', token: anonToken },
    ];

    const before = await rowCounts();
    const failures: string[] = [];
    for (const route of writes) {
      for (const caller of callers) {
        let req = request(app.url)[route.method as 'post'](fill(route.path)).set('Cookie', caller.cookie);
        if (caller.token) req = req.set(CSRF_HEADER, caller.token);
        const res = await req.send(body);
        if (res.status !== 403 || res.body.code !== 'csrf_invalid')
          failures.push(`${caller.who}: ${route.method.toUpperCase()} ${route.path} -> ${res.status} ${res.body.code}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    // The session still works with its own token: the refusals were about the token alone.
    expect((await admin.client.send('put', `/api/albums/${album.id}/rating`, { rating: 5 })).status).toBe(200);
  }, 120_000);
});
