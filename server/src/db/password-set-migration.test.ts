import { randomToken } from '../lib/ids';
import { createKnex, type Knex } from './knex';
import { up as addPasswordSet } from './migrations/20261210020000-password-set';
import { createTestDatabase } from '../testing/test-infra';

/** A user row as the table held it before the column, with the address the account was given. */
function userWithEmail(handle: string, email: string) {
  return { handle, email, display_name: handle, password_hash: 'not-a-hash' };
}

describe('migration 20261210020000-password-set', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let knex: Knex;

  beforeAll(async () => {
    db = await createTestDatabase('password_set', { migrated: true });
    knex = createKnex(db.url, 2);
  });

  afterAll(async () => {
    await knex.destroy();
    await db.drop();
  });

  it('when it runs, then accounts made by Sign in with Spotify have no password and every other account keeps its own', async () => {
    await knex.raw('ALTER TABLE users DROP COLUMN password_set');
    await knex('users').insert([
      // As registerLinked makes them.
      userWithEmail('linked_one', `linked-${randomToken(12).toLowerCase()}@accounts.muse.invalid`),
      userWithEmail('linked_two', 'linked-zzzzzzzzzzzzzzzz@accounts.muse.invalid'),
      userWithEmail('plain_one', 'plain@example.com'),
      // Look-alikes a person could have typed at registration are not Muse's own addresses.
      userWithEmail('look_alike', 'linked-short@accounts.muse.invalid'),
      userWithEmail('other_host', 'linked-ab_cd-ef01234567@accounts.muse.invalid.example.com'),
    ]);

    await addPasswordSet(knex);

    const rows: { handle: string; password_set: boolean }[] = await knex('users').select('handle', 'password_set').orderBy('handle');
    expect(Object.fromEntries(rows.map((r) => [r.handle, r.password_set]))).toEqual({
      linked_one: false,
      linked_two: false,
      look_alike: true,
      other_host: true,
      plain_one: true,
    });
    // Accounts made from now on have a password unless the insert says otherwise.
    const [fresh] = await knex('users').insert(userWithEmail('made_later', 'later@example.com')).returning('password_set');
    expect(fresh.password_set).toBe(true);
  });
});
