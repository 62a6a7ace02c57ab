import type { Knex } from 'knex';

/**
 * `users.password_set`: whether the account has a password its owner chose. An account made by
 * "Sign in with Spotify" gets the hash of a random password nobody knows, so it has none: its
 * owner sets one without giving a current password, confirms deletion by typing the handle, and
 * may not disconnect Spotify, its only way to sign in, until a password is set. Such accounts
 * made before this column are known by the address they were given
 * (`linked-<16 random characters>@accounts.muse.invalid`, and no flow changes an email).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE users ADD COLUMN password_set boolean NOT NULL DEFAULT true;
    UPDATE users SET password_set = false WHERE email ~ '^linked-[a-z0-9_-]{16}@accounts\\.muse\\.invalid$';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users DROP COLUMN IF EXISTS password_set');
}
