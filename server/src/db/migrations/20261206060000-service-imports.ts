import type { Knex } from 'knex';

/**
 * Imports of playlists from Spotify and Apple Music: one row per run, with its live counts, its
 * outcome and the Muse playlist it made or updated. A run of the same source playlist later finds
 * that playlist here (the latest row naming one) and updates it instead of making another.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE service_imports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      provider text NOT NULL CHECK (provider IN ('spotify', 'apple')),
      source_playlist_id text NOT NULL CHECK (length(source_playlist_id) BETWEEN 1 AND 200),
      source_name text,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'importing', 'done', 'partial', 'failed')),
      processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
      total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
      linked integer NOT NULL DEFAULT 0 CHECK (linked >= 0),
      local_files integer NOT NULL DEFAULT 0 CHECK (local_files >= 0),
      unavailable integer NOT NULL DEFAULT 0 CHECK (unavailable >= 0),
      -- The document store's playlist id (a UUID); it may name a playlist deleted since.
      playlist_id text,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX service_imports_user_idx ON service_imports (user_id, id DESC);
    CREATE INDEX service_imports_source_idx ON service_imports (user_id, provider, source_playlist_id, id DESC);
    CREATE INDEX service_imports_unfinished_idx ON service_imports (updated_at) WHERE status IN ('queued', 'importing');
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS service_imports');
}
