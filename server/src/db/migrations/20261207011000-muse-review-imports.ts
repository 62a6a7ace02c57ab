import type { Knex } from 'knex';

/** Imports may read the `reviews.csv` of a Muse export (album and track reviews). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE imports DROP CONSTRAINT imports_source_check;
    ALTER TABLE imports ADD CONSTRAINT imports_source_check CHECK (source IN ('letterboxd', 'rym', 'letterboxd-watchlist', 'muse-reviews'));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DELETE FROM imports WHERE source = 'muse-reviews';
    ALTER TABLE imports DROP CONSTRAINT imports_source_check;
    ALTER TABLE imports ADD CONSTRAINT imports_source_check CHECK (source IN ('letterboxd', 'rym', 'letterboxd-watchlist'));
  `);
}
