import { seedDemoCatalog } from '../seed/seed-catalog';
import { useTestApp } from '../testing/test-app';
import { registerUser } from '../testing/factories';

/**
 * Accounts and passwords: no account comes with Muse, and a password is checked exactly as the
 * person typed it, whatever characters it is made of.
 */

const app = useTestApp({ env: { ADMIN_HANDLES: 'admin,root,boss' } });

const login = (identifier: string, password: string) => app.client().post('/api/auth/login', { identifier, password });

describe('default accounts', () => {
  it('when Muse is migrated, started with ADMIN_HANDLES and its demo catalog seeded, then no account exists and none of the named handles can sign in', async () => {
    await seedDemoCatalog(app.container.knex);
    expect(Number((await app.container.knex('albums').count({ n: '*' }).first())!.n)).toBeGreaterThan(900);
    expect(Number((await app.container.knex('users').count({ n: '*' }).first())!.n)).toBe(0);
    for (const [identifier, password] of [
      ['admin', 'admin'],
      ['root', 'root'],
      ['admin', 'password'],
      ['boss', 'correct horse battery staple'],
    ]) {
      const res = await login(identifier!, password!);
      expect(res.status).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });
});

describe('passwords are taken exactly as typed', () => {
  it.each([
    ['only lower-case letters', 'plumtreegarden'],
    ['only digits', '40917385206'],
    ['spaces inside and at both ends', '  tuba lamp river  '],
    ['only emoji', '🎸🥁🎺🎻🎹🎷🪕🪇'],
    ['right-to-left script', 'שלום עולם ירושלים'],
    ['exactly 8 characters', 'qv7#Lm2x'],
  ])('when a password has %s, then it is accepted at registration and signs in', async (_label, password) => {
    const { input } = await registerUser(app, { password });
    expect((await login(input.handle, password)).status).toBe(200);
  });

  it('when the password is signed in with its spaces trimmed, its case changed or a character short, then it is refused', async () => {
    const password = '  Tuba Lamp River  ';
    const { input } = await registerUser(app, { password });
    for (const variant of [password.trim(), password.toLowerCase(), password.toUpperCase(), password.slice(0, -1), ` ${password}`]) {
      const res = await login(input.handle, variant);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('invalid_credentials');
    }
    expect((await login(input.handle, password)).status).toBe(200);
  });

  it('when a password has 7 characters, then registration refuses it naming the field and stores no account', async () => {
    const res = await app
      .client()
      .post('/api/auth/register', { handle: 'seven_chars', email: 'seven@example.test', password: 'qv7#Lm2', displayName: 'Seven' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'password' })]);
    expect(await app.container.knex('users').where({ handle: 'seven_chars' }).first()).toBeUndefined();
  });
});
