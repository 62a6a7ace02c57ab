import type { Knex } from 'knex';

/**
 * Preview clips of tracks (features/previews): the stored clip's blob key and where it came
 * from, or until when the track is known to have none (no usable service has it, or fetching it
 * kept failing), so nobody asks the services again for a while. `generation` names the current
 * fetch: it grows each time a fetch gives up or a stored clip goes missing, so the next request
 * starts a new once-only job instead of meeting the finished one.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE track_previews (
      track_id bigint PRIMARY KEY REFERENCES tracks (id) ON DELETE CASCADE,
      blob_key text,
      provider text CHECK (provider IS NULL OR provider IN ('spotify', 'apple')),
      source_url text,
      unavailable_until timestamptz,
      unavailable_reason text CHECK (unavailable_reason IS NULL OR unavailable_reason IN ('not_on_services', 'refused', 'fetch_failed')),
      generation integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (blob_key IS NULL OR unavailable_until IS NULL)
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS track_previews');
}
