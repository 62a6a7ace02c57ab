import type { Knex } from 'knex';

/**
 * "Loved by N people you follow" on recommendations: the ratings of 4 stars or more of a page of
 * items, by item, read from the index alone (no table row is visited), then joined with the
 * viewer's followees. Without it a page of popular albums read every rating of each (thousands
 * of rows, most of them low or by strangers).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX album_ratings_loved_idx ON album_ratings (album_id, user_id) WHERE value >= 8;
    CREATE INDEX track_ratings_loved_idx ON track_ratings (track_id, user_id) WHERE value >= 8;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS album_ratings_loved_idx, track_ratings_loved_idx');
}
