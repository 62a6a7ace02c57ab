import request from 'supertest';
import { createApp } from './create-app';
import { useTestApp } from '../testing/test-app';
import { makeAlbum, registerUser } from '../testing/factories';
import { listAppRoutes } from './openapi/route-table';

/**
 * Reads never change what a user owns: every GET route, called signed in with real ids, leaves
 * every table as it was. A forged link or image tag (which can only make GET requests) can
 * therefore change nothing.
 */

const app = useTestApp({ env: { ADMIN_HANDLES: 'reads_admin' } });

/** Each table's row count and a digest of its whole content, so an update shows as well as an insert or delete. */
async function tableStates(): Promise<Record<string, string>> {
  const knex = app.container.knex;
  const tables = (await knex('pg_tables').where({ schemaname: 'public' }).pluck('tablename')) as string[];
  const states: Record<string, string> = {};
  for (const table of tables.sort()) {
    const { rows } = await knex.raw(
      `SELECT count(*)::int AS n, encode(sha256(convert_to(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''), 'UTF8')), 'hex') AS digest FROM ?? t`,
      [table],
    );
    states[table] = `${rows[0].n} rows, ${rows[0].digest}`;
  }
  return states;
}

describe('safe methods change nothing', () => {
  it('when every GET route is called signed in, as an administrator and signed out, with real ids, then no table gains, loses or changes a row', async () => {
    const gets = listAppRoutes(createApp(app.container)).filter((r) => r.method === 'get');
    expect(gets.length).toBeGreaterThan(40);

    const admin = await registerUser(app, { handle: 'reads_admin' });
    const user = await registerUser(app);
    const album = await makeAlbum(app.container.knex);
    const review = await user.client.post(`/api/albums/${album.id}/reviews`, { body: 'Read me', rating: 4, listenedOn: '2024-01-02' });
    expect(review.status).toBe(201);
    const playlist = await user.client.post('/api/playlists', { title: 'Reads', kind: 'playlist', visibility: 'public' });
    expect(playlist.status).toBe(201);
    const fill = (path: string) =>
      path
        .replace(/:handle|:target/g, user.input.handle)
        .replace(/albums\/:id|:albumId/g, (m) => m.replace(/:id|:albumId/, album.id))
        .replace(/tracks\/:id/g, `tracks/${album.trackIds[0]}`)
        .replace(/reviews\/:id/g, `reviews/${review.body.id}`)
        .replace(/playlists\/:id/g, `playlists/${playlist.body.id}`)
        .replace(/:userId/g, user.session.user.id)
        .replace(/:provider/g, 'spotify')
        .replace(/:queue/g, 'notifications')
        .replace(/:kind/g, 'user')
        .replace(/:[A-Za-z]+/g, '1');

    const before = await tableStates();
    const statuses = new Map<string, number>();
    for (const caller of [user.client.cookieHeader(), admin.client.cookieHeader(), '']) {
      for (const route of gets) {
        const res = await request(app.url).get(fill(route.path)).set('Cookie', caller).redirects(0);
        statuses.set(`${caller ? 'in' : 'out'} ${route.path}`, res.status);
      }
    }
    expect(await tableStates()).toEqual(before);
    // Most reads got through to their handlers.
    expect([...statuses.values()].filter((s) => s === 200).length).toBeGreaterThan(gets.length);
  }, 120_000);
});
