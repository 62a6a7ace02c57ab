import type { Knex } from 'knex';

/** JSONB tables behind the postgres adapter of the document store. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE doc_activity (
      id uuid PRIMARY KEY,
      actor_id text NOT NULL,
      type text NOT NULL,
      created_at timestamptz NOT NULL,
      doc jsonb NOT NULL
    );
    CREATE INDEX doc_activity_actor_id_idx ON doc_activity (actor_id, id DESC);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS doc_activity;');
}
