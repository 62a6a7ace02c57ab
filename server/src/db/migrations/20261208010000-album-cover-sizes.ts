import type { Knex } from 'knex';

/**
 * Album covers at each width pages need (`COVER_WIDTHS` in shared/): `cover_key` stays the
 * largest, and `cover_size_keys` maps each smaller width to its stored key (`{"64": "…", "300": "…"}`).
 * Covers stored before have none: their one image serves every width. `GET /api/artwork/<key>?w=`
 * finds the smaller image by the largest's key, hence the index.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE albums ADD COLUMN cover_size_keys jsonb
      CONSTRAINT albums_cover_size_keys_object CHECK (jsonb_typeof(cover_size_keys) = 'object');
    CREATE INDEX albums_cover_sizes_by_key_idx ON albums (cover_key) WHERE cover_size_keys IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS albums_cover_sizes_by_key_idx;
    ALTER TABLE albums DROP COLUMN IF EXISTS cover_size_keys;
  `);
}
