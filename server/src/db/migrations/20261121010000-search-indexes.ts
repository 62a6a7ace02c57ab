import type { Knex } from 'knex';

/**
 * Indexes behind the search box (see features/search/search.repo.ts):
 * - full-text GIN indexes for tracks, artists and users, on the same normalised text as their
 *   trigram indexes (albums already have one on search_vector); the 'simple' configuration
 *   keeps every word, so prefix queries match titles like "The The";
 * - text_pattern_ops btrees so "starts with the query" is a range scan in byte order whatever
 *   the database's collation, which also yields exact matches first;
 * - track aggregates by count, so vague queries can probe the most rated tracks.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX tracks_search_fts ON tracks USING gin (to_tsvector('simple', search_text));
    CREATE INDEX artists_search_fts ON artists USING gin (to_tsvector('simple', search_name));
    CREATE INDEX users_search_fts ON users USING gin (to_tsvector('simple', muse_norm(handle || ' ' || display_name)));

    CREATE INDEX albums_search_prefix ON albums (search_text text_pattern_ops);
    CREATE INDEX tracks_search_prefix ON tracks (search_text text_pattern_ops);
    CREATE INDEX artists_search_prefix ON artists (search_name text_pattern_ops);
    CREATE INDEX users_handle_prefix ON users (lower(handle) text_pattern_ops);

    CREATE INDEX track_rating_stats_count_idx ON track_rating_stats (count DESC);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS tracks_search_fts, artists_search_fts, users_search_fts,
      albums_search_prefix, tracks_search_prefix, artists_search_prefix, users_handle_prefix,
      track_rating_stats_count_idx;
  `);
}
