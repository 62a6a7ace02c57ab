import type { MuteList } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { MAX_MUTES } from './mutes.service';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp();

describe('mutes', () => {
  it('when signed out, then listing and adding answer 401', async () => {
    const anon = app.client();
    expect((await anon.get('/api/me/mutes')).status).toBe(401);
    expect((await anon.post('/api/me/mutes', { kind: 'activity_type', target: 'rated' })).status).toBe(401);
  });

  it('when a user, an artist and a type are muted, then the list names each readably and stores the user by id', async () => {
    const { client, session } = await registerUser(app);
    const { session: other } = await registerUser(app);
    const album = await makeAlbum(app.container.knex, { artist: 'Sigur Rós' });
    expect((await client.get('/api/me/mutes').expect(200)).body).toEqual({ items: [] });
    const user = await client.post('/api/me/mutes', { kind: 'user', target: `@${other.user.handle.toUpperCase()}` });
    expect(user.status).toBe(201);
    expect(user.body).toEqual({ kind: 'user', target: other.user.handle, label: `@${other.user.handle}` });
    expect((await client.post('/api/me/mutes', { kind: 'artist', target: album.artistId })).body).toEqual({
      kind: 'artist',
      target: album.artistId,
      label: 'Sigur Rós',
    });
    expect((await client.post('/api/me/mutes', { kind: 'activity_type', target: 'liked_review' })).body).toEqual({
      kind: 'activity_type',
      target: 'liked_review',
      label: 'Review likes',
    });
    const list = (await client.get('/api/me/mutes').expect(200)).body as MuteList;
    expect(list.items.map((m) => m.kind)).toEqual(['user', 'artist', 'activity_type']);
    const stored = await app.container.knex('mutes').where({ user_id: session.user.id, kind: 'user' }).first();
    expect(stored.target).toBe(String(other.user.id));
  });

  it('when the same mute is added twice, then it is stored once and the repeat answers 200', async () => {
    const { client, session } = await registerUser(app);
    expect((await client.post('/api/me/mutes', { kind: 'activity_type', target: 'rated' })).status).toBe(201);
    expect((await client.post('/api/me/mutes', { kind: 'activity_type', target: 'rated' })).status).toBe(200);
    expect(await app.container.knex('mutes').where({ user_id: session.user.id }).count('* as n')).toEqual([{ n: '1' }]);
  });

  it('when the target is unknown, yourself, or the wrong type, then it answers 404 or 400 and stores nothing', async () => {
    const { client, session } = await registerUser(app);
    const cases: [unknown, number][] = [
      [{ kind: 'user', target: 'nobody_here_at_all' }, 404],
      [{ kind: 'user', target: 'Björk' }, 404],
      [{ kind: 'user', target: session.user.handle }, 400],
      [{ kind: 'artist', target: '999999999' }, 404],
      [{ kind: 'artist', target: 'abc' }, 404],
      [{ kind: 'activity_type', target: 'account.logged_in' }, 400],
      [{ kind: 'genre', target: 'Rock' }, 400],
      [{ kind: 'user', target: 'x'.repeat(65) }, 400],
      [{ kind: 'user', target: '   ' }, 400],
      [{ kind: 'user', target: 42 }, 400],
      [{}, 400],
    ];
    for (const [body, status] of cases) {
      const res = await client.post('/api/me/mutes', body);
      expect([body, res.status]).toEqual([body, status]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await client.get('/api/me/mutes')).body).toEqual({ items: [] });
  });

  it('when a mute is deleted, then it is gone, a second delete is 404, and other users’ mutes are untouched', async () => {
    const [me, them, target] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    for (const c of [me.client, them.client]) await c.post('/api/me/mutes', { kind: 'user', target: target.session.user.handle });
    expect((await me.client.delete(`/api/me/mutes/user/${target.session.user.handle}`)).status).toBe(204);
    expect((await me.client.delete(`/api/me/mutes/user/${target.session.user.handle}`)).status).toBe(404);
    expect((await me.client.delete('/api/me/mutes/planet/mars')).status).toBe(404);
    expect((await me.client.get('/api/me/mutes')).body).toEqual({ items: [] });
    expect((await them.client.get('/api/me/mutes')).body.items).toHaveLength(1);
  });

  it('when the user already holds the maximum, then another mute is refused with 409', async () => {
    const { client, session } = await registerUser(app);
    await app.container
      .knex('mutes')
      .insert(Array.from({ length: MAX_MUTES }, (_, i) => ({ user_id: session.user.id, kind: 'artist', target: String(i + 1) })));
    const res = await client.post('/api/me/mutes', { kind: 'activity_type', target: 'rated' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('too_many_mutes');
  });

  it('when the user at the maximum repeats a mute they hold, then it is answered as a repeat (200), not refused', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(app.container.knex);
    expect((await client.post('/api/me/mutes', { kind: 'artist', target: album.artistId })).status).toBe(201);
    await app.container
      .knex('mutes')
      .insert(Array.from({ length: MAX_MUTES - 1 }, (_, i) => ({ user_id: session.user.id, kind: 'artist', target: String(900000 + i) })));
    const again = await client.post('/api/me/mutes', { kind: 'artist', target: album.artistId });
    expect({ status: again.status, target: again.body.target }).toEqual({ status: 200, target: album.artistId });
    expect((await client.post('/api/me/mutes', { kind: 'activity_type', target: 'rated' })).status).toBe(409);
  });

  it('when a muted account is deleted, then the mute goes with it and no longer counts', async () => {
    const me = await registerUser(app);
    const them = await registerUser(app);
    expect((await me.client.post('/api/me/mutes', { kind: 'user', target: them.session.user.handle })).status).toBe(201);
    expect((await me.client.post('/api/me/mutes', { kind: 'activity_type', target: 'rated' })).status).toBe(201);
    expect((await them.client.delete('/api/me', { password: them.input.password })).status).toBe(204);
    expect((await me.client.get('/api/me/mutes')).body.items).toEqual([{ kind: 'activity_type', target: 'rated', label: 'Ratings' }]);
    expect(await app.container.knex('mutes').where({ user_id: me.session.user.id }).count<{ count: string }[]>('* as count')).toEqual([{ count: '1' }]);
  });
});
