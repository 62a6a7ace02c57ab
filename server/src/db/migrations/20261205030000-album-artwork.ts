import type { Knex } from 'knex';

/**
 * Album covers kept in Muse's own blob store: `cover_key` is the content-addressed key of the
 * stored image (set by the fetch-artwork job), `cover_url` stays where it was found. Pages show
 * the stored copy, so viewers' addresses never reach the services.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE albums ADD COLUMN cover_key text
      CONSTRAINT albums_cover_key_format CHECK (cover_key ~ '^[0-9a-f]{64}\\.[a-z0-9]{1,5}$');
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE albums DROP COLUMN IF EXISTS cover_key;`);
}
