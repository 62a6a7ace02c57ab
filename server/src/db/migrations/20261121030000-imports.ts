import type { Knex } from 'knex';

/**
 * CSV imports (Letterboxd, Rate Your Music): the uploaded file until it is parsed, every row
 * with its match, running counts, and the apply checkpoint that makes the apply job resumable.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE imports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      source text NOT NULL CHECK (source IN ('letterboxd', 'rym')),
      status text NOT NULL DEFAULT 'parsing' CHECK (status IN ('parsing', 'ready', 'applying', 'done', 'failed')),
      total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
      processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
      matched integer NOT NULL DEFAULT 0 CHECK (matched >= 0),
      unmatched integer NOT NULL DEFAULT 0 CHECK (unmatched >= 0),
      invalid integer NOT NULL DEFAULT 0 CHECK (invalid >= 0),
      applied integer NOT NULL DEFAULT 0 CHECK (applied >= 0),
      -- Steps of the apply plan already committed; each step commits together with this number.
      apply_cursor integer NOT NULL DEFAULT 0 CHECK (apply_cursor >= 0),
      skip_lines integer[] NOT NULL DEFAULT '{}',
      -- The uploaded text, kept only until it has been parsed.
      csv text,
      rows jsonb NOT NULL DEFAULT '[]'::jsonb,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      confirmed_at timestamptz,
      finished_at timestamptz
    );
    CREATE INDEX imports_user_idx ON imports (user_id, id DESC);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS imports');
}
