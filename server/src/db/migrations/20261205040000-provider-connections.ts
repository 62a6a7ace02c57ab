import type { Knex } from 'knex';

/**
 * A user's link to a music service. Tokens are stored only as TokenCipher ciphertexts (`*_enc`);
 * one service account links to one Muse account and one Muse account to one account per service,
 * so "Sign in with Spotify" always finds at most one user. `needs_reconnect` marks a grant the
 * service revoked: the row stays (it names the link) until the user reconnects or disconnects.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE provider_connections (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      provider text NOT NULL CHECK (provider IN ('spotify', 'apple')),
      provider_user_id text NOT NULL CHECK (length(provider_user_id) BETWEEN 1 AND 256),
      display_name text,
      scopes text[] NOT NULL DEFAULT '{}',
      access_token_enc text,
      refresh_token_enc text,
      music_user_token_enc text,
      storefront text,
      expires_at timestamptz,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'needs_reconnect')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT provider_connections_provider_user_key UNIQUE (provider, provider_user_id),
      CONSTRAINT provider_connections_user_provider_key UNIQUE (user_id, provider)
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS provider_connections;');
}
