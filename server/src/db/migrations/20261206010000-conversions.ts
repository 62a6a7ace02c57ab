import type { Knex } from 'knex';

/**
 * Playlist conversions (server/src/features/conversion).
 *
 * `conversions`: one row per conversion: what it reads and writes, its status, counts and the
 * checkpoint a resumed job continues from (`source_cursor`, `next_index`), the intent of the write
 * in flight (`pending_write`: target ids and report rows, recorded before each append so a job
 * killed mid-append reconciles against the target instead of appending again) and the target
 * playlist it made. `source_key` (`spotify:<id>`, `muse:<id>`) finds the previous conversion of a
 * source to a target for `sync`.
 *
 * `conversion_rules`: a user's remembered choices ("this source track is that target track", "not
 * on this service"), keyed by the source track's identity, used first by later conversions.
 *
 * `conversion_fix_writes`: one row per fix appended to a target, so replaying a fix never appends twice.
 *
 * `doc_conversion_report_chunks`: the postgres adapter of the document store's conversion reports:
 * rows in chunks of 100 (a JSON object keyed by row index), so a batch rewrites one chunk, never
 * the whole report.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE conversions (
      id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{8,40}$'),
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      source_kind text NOT NULL CHECK (source_kind IN ('muse', 'service')),
      source_provider text CHECK (source_provider IN ('spotify', 'apple')),
      source_playlist_id text NOT NULL,
      source_key text NOT NULL,
      source_title text,
      target text NOT NULL CHECK (target IN ('spotify', 'apple', 'muse')),
      mode text NOT NULL CHECK (mode IN ('new', 'sync')),
      name text NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
      phase text NOT NULL DEFAULT 'reading' CHECK (phase IN ('reading', 'matching', 'writing', 'finished')),
      total integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      matched integer NOT NULL DEFAULT 0,
      needs_review integer NOT NULL DEFAULT 0,
      not_found integer NOT NULL DEFAULT 0,
      skipped integer NOT NULL DEFAULT 0,
      written integer NOT NULL DEFAULT 0,
      current_track text,
      waiting_until timestamptz,
      target_playlist_id text,
      target_playlist_url text,
      calls_made integer NOT NULL DEFAULT 0,
      calls_minimum integer NOT NULL DEFAULT 0,
      source_cursor text,
      next_index integer NOT NULL DEFAULT 0,
      pending_write jsonb,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX conversions_user_created ON conversions (user_id, created_at DESC, id DESC);
    CREATE INDEX conversions_previous ON conversions (user_id, source_key, target, created_at DESC) WHERE status = 'done';
    CREATE INDEX conversions_unfinished ON conversions (updated_at) WHERE status IN ('queued', 'running');

    CREATE TABLE conversion_rules (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      target text NOT NULL CHECK (target IN ('spotify', 'apple', 'muse')),
      source_track_key text NOT NULL CHECK (length(source_track_key) BETWEEN 1 AND 600),
      action text NOT NULL CHECK (action IN ('pick', 'not_on_service')),
      track jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, target, source_track_key)
    );

    CREATE TABLE conversion_fix_writes (
      conversion_id text NOT NULL REFERENCES conversions (id) ON DELETE CASCADE,
      row_index integer NOT NULL,
      track_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (conversion_id, row_index, track_id)
    );

    CREATE TABLE doc_conversion_report_chunks (
      conversion_id text NOT NULL,
      chunk integer NOT NULL CHECK (chunk >= 0),
      rows jsonb NOT NULL CHECK (jsonb_typeof(rows) = 'object'),
      PRIMARY KEY (conversion_id, chunk)
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS doc_conversion_report_chunks;
    DROP TABLE IF EXISTS conversion_fix_writes;
    DROP TABLE IF EXISTS conversion_rules;
    DROP TABLE IF EXISTS conversions;
  `);
}
