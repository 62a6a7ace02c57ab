import type { Knex } from 'knex';

/**
 * Users get the stored, normalised search text that albums, artists and tracks have, so the
 * search's typo pass and ranking read a column instead of calling muse_norm (unaccent) on every
 * candidate row. Its trigram and full-text indexes replace the expression indexes on
 * muse_norm(handle || ' ' || display_name), which nothing else uses. The handle prefix index
 * stays: "starts with" is about the handle alone.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE users ADD COLUMN search_text text GENERATED ALWAYS AS (muse_norm(handle || ' ' || display_name)) STORED;
    CREATE INDEX users_search_trgm ON users USING gin (search_text gin_trgm_ops);
    DROP INDEX users_search_fts;
    CREATE INDEX users_search_fts ON users USING gin (to_tsvector('simple', search_text));
    DROP INDEX users_handle_trgm;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX users_handle_trgm ON users USING gin (muse_norm(handle || ' ' || display_name) gin_trgm_ops);
    DROP INDEX users_search_fts;
    CREATE INDEX users_search_fts ON users USING gin (to_tsvector('simple', muse_norm(handle || ' ' || display_name)));
    ALTER TABLE users DROP COLUMN search_text;
  `);
}
