import { CSRF_HEADER } from '@muse/shared';
import { sha256 } from '../../lib/ids';
import { useTestApp } from '../../testing/test-app';
import { newUserInput, registerUser } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { jobsSettled } from '../../testing/jobs-settled';

const app = useTestApp();

function sessionCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return cookies.find((c) => c.startsWith('muse_sid='));
}

describe('register', () => {
  it('when the input is valid, then it creates the account, signs in and hides the hash', async () => {
    const client = app.client();
    const input = newUserInput({ displayName: '  Björk Guðmundsdóttir  ' });
    const res = await client.post('/api/auth/register', input);
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      handle: input.handle,
      email: input.email,
      displayName: 'Björk Guðmundsdóttir',
      role: 'user',
      createdAt: expect.any(String),
      hasPassword: true,
    });
    // No hash or password field (`hasPassword` only says whether there is one).
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|"password/i);
    expect(JSON.stringify(res.body)).not.toContain(input.password);
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // 32 random bytes, base64url.
    expect(cookie.split(';')[0]!.split('=')[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await client.get('/api/me').expect(200);
    expect(me.body.user.handle).toBe(input.handle);
    const row = await app.container.knex('users').where({ id: res.body.user.id }).first();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('when the handle exists in another case, then it answers 409 handle_taken on the field', async () => {
    const { input } = await registerUser(app);
    const res = await app.client().post('/api/auth/register', newUserInput({ handle: input.handle.toUpperCase() }));
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'handle_taken', status: 409, errors: [{ path: 'handle' }] });
  });

  it('when the email exists in another case, then it answers 409 email_taken', async () => {
    const { input } = await registerUser(app);
    const res = await app.client().post('/api/auth/register', newUserInput({ email: input.email.toUpperCase() }));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'email_taken', errors: [{ path: 'email' }] });
  });

  it.each([
    ['password', 'a common password', 'password_too_common'],
    ['password', 'Password1', 'password_too_common'],
    ['password', 'short', 'validation_failed'],
  ])('when the %s is %s, then it is refused', async (field, value, code) => {
    const input = newUserInput({ [field]: value === 'a common password' ? 'iloveyou' : value });
    const res = await app.client().post('/api/auth/register', input);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('password');
    expect(await app.container.knex('users').whereRaw('lower(handle) = lower(?)', [input.handle]).first()).toBeUndefined();
  });

  it('when the password is long and unicode, then it is kept whole (no truncation)', async () => {
    const password = 'ünïcödé-pässwörd-🎵'.repeat(20);
    const { input } = await registerUser(app, { password });
    const client = app.client();
    expect((await client.post('/api/auth/login', { identifier: input.handle, password })).status).toBe(200);
    const truncated = password.slice(0, 72);
    expect((await app.client().post('/api/auth/login', { identifier: input.handle, password: truncated })).status).toBe(401);
  });

  it('when fields are missing, wrong types or bad handles, then every bad field is named', async () => {
    const res = await app.client().post('/api/auth/register', { handle: 'a b!', email: 42, password: ['x'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['displayName', 'email', 'handle', 'password']));
  });

  it('when the body is not JSON, then it answers 400 malformed_json without a stack trace', async () => {
    const client = app.client();
    const token = await client.ensureCsrf();
    const res = await client.agent.post('/api/auth/register').set(CSRF_HEADER, token).set('Content-Type', 'application/json').send('{"handle":');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed_json');
    expect(res.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('when the body is larger than the limit, then it answers 413', async () => {
    const res = await app.client().post('/api/auth/register', { ...newUserInput(), displayName: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('when many people register at once (more than the connection pool), then every one succeeds', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => app.client().post('/api/auth/register', newUserInput())));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
  });

  it('when two registrations race for one handle, then exactly one wins', async () => {
    const handle = newUserInput().handle;
    const results = await Promise.all(
      [0, 1, 2, 3].map((i) => app.client().post('/api/auth/register', newUserInput({ handle: i % 2 ? handle : handle.toUpperCase() }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await app.container.knex('users').whereRaw('lower(handle) = lower(?)', [handle]).count()).toEqual([{ count: '1' }]);
  });
});

describe('register side effects', () => {
  it('when the welcome job cannot be enqueued, then registration fails and leaves no account behind', async () => {
    const input = newUserInput();
    const enqueue = jest.spyOn(app.container.queues, 'enqueue').mockRejectedValueOnce(new Error('redis down'));
    try {
      const res = await app.client().post('/api/auth/register', input);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ type: '/problems/internal', title: 'Internal Server Error', status: 500, code: 'internal' });
    } finally {
      enqueue.mockRestore();
    }
    expect(await app.container.knex('users').whereRaw('lower(handle) = lower(?)', [input.handle]).first()).toBeUndefined();
    expect((await app.client().post('/api/auth/register', input)).status).toBe(201);
  });

  it('when a worker is running while users register, then every new user gets exactly one welcome', async () => {
    const { startWorker } = await import('../../roles/worker-role');
    const worker = await startWorker(app.container);
    try {
      const users = await Promise.all(Array.from({ length: 8 }, () => registerUser(app)));
      const ids = users.map((u) => u.session.user.id);
      const welcomes = (): Promise<{ user_id: string }[]> =>
        app.container.knex('notifications').whereIn('user_id', ids).where({ type: 'welcome' }).select('user_id');
      await waitFor('a welcome for each new user', async () => (await welcomes()).length >= ids.length);
      await jobsSettled(app, ['notifications']);
      const rows = await welcomes();
      expect(rows.map((r) => String(r.user_id)).sort()).toEqual([...ids].sort());
    } finally {
      await worker.stop();
    }
  });
});

describe('csrf', () => {
  it('when a state-changing request has no CSRF token, then it answers 403 csrf_invalid and stores nothing', async () => {
    const input = newUserInput();
    const res = await app.client().agent.post('/api/auth/register').send(input);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_invalid');
    expect(await app.container.knex('users').where({ handle: input.handle }).first()).toBeUndefined();
  });

  it('when signed in, then the anonymous token no longer works and the session token does', async () => {
    const client = app.client();
    const anonymous = await client.ensureCsrf();
    const reg = await client.post('/api/auth/register', newUserInput());
    expect(reg.body.csrfToken).not.toBe(anonymous);
    const stale = await client.agent.post('/api/notifications/read-all').set(CSRF_HEADER, anonymous);
    expect(stale.status).toBe(403);
    expect((await client.post('/api/notifications/read-all')).status).toBe(200);
  });
});

describe('login and logout', () => {
  it('when signing in with handle or email in any case, then a new session id is issued', async () => {
    const { client, input } = await registerUser(app);
    const before = (await client.get('/api/me')).headers;
    const res = await client.post('/api/auth/login', { identifier: input.email.toUpperCase(), password: input.password });
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).toBeDefined();
    expect(before).toBeDefined();
    const byHandle = await app.client().post('/api/auth/login', { identifier: input.handle.toLowerCase(), password: input.password });
    expect(byHandle.status).toBe(200);
    expect(sessionCookie(byHandle)).not.toEqual(sessionCookie(res));
  });

  it('when the previous session id is replayed after login, then it is no longer valid (no fixation)', async () => {
    const { client, input } = await registerUser(app);
    const oldCookie = sessionCookie(await client.post('/api/auth/login', { identifier: input.handle, password: input.password }))!.split(';')[0]!;
    await client.post('/api/auth/login', { identifier: input.handle, password: input.password }).then((r) => expect(r.status).toBe(200));
    const replay = await app.client().agent.get('/api/me').set('Cookie', oldCookie);
    expect(replay.status).toBe(401);
  });

  it('when the user is unknown or the password wrong, then both answers are identical', async () => {
    const { input } = await registerUser(app);
    const wrong = await app.client().post('/api/auth/login', { identifier: input.handle, password: 'not the password' });
    const unknown = await app.client().post('/api/auth/login', { identifier: 'nobody_here_at_all', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('when logging out, then the session ends and the cookie is cleared', async () => {
    const { client } = await registerUser(app);
    const res = await client.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(sessionCookie(res)).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('when the session has expired in Redis, then the API answers 401', async () => {
    const { client } = await registerUser(app);
    const cookie = (client.agent as unknown as { jar: { getCookie(n: string, o: object): { value: string } } }).jar.getCookie('muse_sid', {
      domain: '127.0.0.1',
      path: '/',
      secure: false,
      script: false,
    });
    const key = `${app.container.config.REDIS_PREFIX}session:${sha256(cookie.value)}`;
    expect(await app.container.redis.exists(key)).toBe(1);
    await app.container.redis.pexpire(key, 1);
    await waitFor('the session to expire in Redis', async () => (await app.container.redis.exists(key)) === 0);
    const res = await client.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('when the absolute lifetime has passed, then the session is refused even if recently used', async () => {
    const { client } = await registerUser(app);
    const cookie = (client.agent as unknown as { jar: { getCookie(n: string, o: object): { value: string } } }).jar.getCookie('muse_sid', {
      domain: '127.0.0.1',
      path: '/',
      secure: false,
      script: false,
    });
    const key = `${app.container.config.REDIS_PREFIX}session:${sha256(cookie.value)}`;
    const session = JSON.parse((await app.container.redis.get(key))!);
    await app.container.redis.set(key, JSON.stringify({ ...session, absoluteExpiresAt: Date.now() - 1000 }), 'KEEPTTL');
    expect((await client.get('/api/me')).status).toBe(401);
    expect(await app.container.redis.exists(key)).toBe(0);
  });
});

describe('account events', () => {
  it('when registering, logging in and changing password, then each is in the activity log', async () => {
    const { client, input, session } = await registerUser(app);
    await client.post('/api/auth/login', { identifier: input.handle, password: input.password });
    await client.post('/api/me/password', { currentPassword: input.password, newPassword: 'a brand new passphrase' });
    const events = await app.container.docs.activity.listByActor(session.user.id, { limit: 10 });
    expect(events.map((e) => e.type)).toEqual(['account.password_changed', 'account.logged_in', 'account.registered']);
    expect(events.every((e) => e.visibility === 'private')).toBe(true);
  });
});

describe('change password', () => {
  it('when the current password is right, then every other session ends and this one continues', async () => {
    const { client, input } = await registerUser(app);
    const other = app.client();
    await other.post('/api/auth/login', { identifier: input.handle, password: input.password });
    expect((await other.get('/api/me')).status).toBe(200);

    const res = await client.post('/api/me/password', { currentPassword: input.password, newPassword: 'another long passphrase' });
    expect(res.status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await app.client().post('/api/auth/login', { identifier: input.handle, password: input.password })).status).toBe(401);
    expect((await app.client().post('/api/auth/login', { identifier: input.handle, password: 'another long passphrase' })).status).toBe(200);
  });

  it('when the current password is wrong, then nothing changes and the field is named', async () => {
    const { client, input } = await registerUser(app);
    const res = await client.post('/api/me/password', { currentPassword: 'wrong wrong', newPassword: 'another long passphrase' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'currentPassword', message: expect.any(String) }]);
    expect((await app.client().post('/api/auth/login', { identifier: input.handle, password: input.password })).status).toBe(200);
  });

  it('when the account has a password and the current one is left out, then nothing changes and the field is named', async () => {
    const { client, input } = await registerUser(app);
    const res = await client.post('/api/me/password', { newPassword: 'another long passphrase' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'currentPassword', message: 'Current password is required' }]);
    expect((await app.client().post('/api/auth/login', { identifier: input.handle, password: input.password })).status).toBe(200);
    expect((await client.get('/api/me')).body.user.hasPassword).toBe(true);
  });

  it('when the new password is common, then it is refused', async () => {
    const { client } = await registerUser(app);
    const res = await client.post('/api/me/password', { currentPassword: 'correct horse battery staple', newPassword: 'qwertyuiop' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'password_too_common', errors: [{ path: 'newPassword' }] });
  });

  it('when signed out, then it answers 401', async () => {
    const res = await app.client().post('/api/me/password', { currentPassword: 'x', newPassword: 'another long passphrase' });
    expect(res.status).toBe(401);
  });
});

describe('delete account', () => {
  it('when the password is right, then the user, their notifications, activity and sessions are gone', async () => {
    const { client, input, session } = await registerUser(app);
    const other = app.client();
    await other.post('/api/auth/login', { identifier: input.handle, password: input.password });
    await app.container.services.notifications.create({ userId: session.user.id, type: 'welcome', title: 't', body: 'b' });

    const res = await client.delete('/api/me', { password: input.password });
    expect(res.status).toBe(204);
    expect(await app.container.knex('users').where({ id: session.user.id }).first()).toBeUndefined();
    expect(await app.container.knex('notifications').where({ user_id: session.user.id })).toHaveLength(0);
    expect(await app.container.docs.activity.listByActor(session.user.id, { limit: 10 })).toHaveLength(0);
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await app.client().post('/api/auth/login', { identifier: input.handle, password: input.password })).status).toBe(401);
  });

  it('when the account has a password and only its handle is typed, then the password is asked for and nothing is deleted', async () => {
    const { client, session } = await registerUser(app);
    for (const body of [{ handle: session.user.handle }, { password: 'nope nope nope', handle: session.user.handle }]) {
      const res = await client.delete('/api/me', body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'password', message: expect.any(String) }]);
    }
    const empty = await client.delete('/api/me', {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ path: 'password', message: 'Password is required' }]);
    expect(await app.container.knex('users').where({ id: session.user.id }).first()).toBeDefined();
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('when the password is wrong, then nothing is deleted', async () => {
    const { client, session } = await registerUser(app);
    const res = await client.delete('/api/me', { password: 'nope nope nope' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('password');
    expect(await app.container.knex('users').where({ id: session.user.id }).first()).toBeDefined();
    expect(await app.container.docs.activity.listByActor(session.user.id, { limit: 10 })).not.toHaveLength(0);
  });
});
