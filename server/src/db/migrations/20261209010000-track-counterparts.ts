import type { Knex } from 'knex';

/**
 * `track_counterparts`: what conversions found a service track to be on the other service, in a
 * region (the target connection's storefront or country), shared by every conversion: a track
 * someone converted lately costs the next conversion no lookup. `target` is the chosen track as a
 * report shows it, or NULL when the service had nothing acceptable. Holds no user: pairs of
 * public catalog ids only. Only automatic verdicts are kept (a user's own pick stays their rule).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE track_counterparts (
      source_service text NOT NULL CHECK (source_service IN ('spotify', 'apple')),
      source_id text NOT NULL CHECK (length(source_id) BETWEEN 1 AND 200),
      target_service text NOT NULL CHECK (target_service IN ('spotify', 'apple') AND target_service <> source_service),
      region text NOT NULL CHECK (region ~ '^[a-z]{2}$'),
      target jsonb CHECK (target IS NULL OR jsonb_typeof(target) = 'object'),
      method text NOT NULL CHECK (method IN ('isrc', 'search')),
      confidence real,
      decided_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (target_service, region, source_service, source_id)
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS track_counterparts');
}
