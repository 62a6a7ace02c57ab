import type { Knex } from 'knex';

/**
 * When the cover backfill last looked for an album's cover (features/artwork/cover-backfill.ts):
 * albums still without a stored cover are looked up again only after a while, oldest look-up
 * first, so albums no service has cannot hold up the others.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE albums ADD COLUMN cover_checked_at timestamptz;
    CREATE INDEX albums_cover_missing_idx ON albums (cover_checked_at NULLS FIRST, id) WHERE cover_key IS NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS albums_cover_missing_idx;
    ALTER TABLE albums DROP COLUMN IF EXISTS cover_checked_at;
  `);
}
