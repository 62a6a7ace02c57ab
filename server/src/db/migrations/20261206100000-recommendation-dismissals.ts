import type { Knex } from 'knex';

/**
 * "Not interested" in a recommended album or track: never recommended to that user again, and
 * counted as a mild negative signal by the next rebuild of their list.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE recommendation_dismissals (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      item_kind text NOT NULL CHECK (item_kind IN ('album', 'track')),
      item_id bigint NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, item_kind, item_id)
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS recommendation_dismissals');
}
