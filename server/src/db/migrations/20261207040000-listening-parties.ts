import type { Knex } from 'knex';

/**
 * Release-night listening parties: the party with its shared player state, who came (and who is
 * in the room now), private invitations, the live chat with its reports, and per-track party
 * ratings (apart from the listeners' own album and track ratings).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE parties (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      host_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      album_id bigint NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      visibility text NOT NULL CHECK (visibility IN ('public', 'private')),
      status text NOT NULL CHECK (status IN ('scheduled', 'live', 'ended')),
      scheduled_for timestamptz,
      started_at timestamptz,
      ended_at timestamptz,
      controller_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      track_id bigint REFERENCES tracks (id) ON DELETE SET NULL,
      position_ms integer NOT NULL DEFAULT 0 CHECK (position_ms >= 0),
      playing boolean NOT NULL DEFAULT false,
      playback_updated_at timestamptz NOT NULL DEFAULT now(),
      playback_version integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX parties_host_idx ON parties (host_id, created_at DESC);
    CREATE INDEX parties_open_idx ON parties (status, scheduled_for) WHERE status <> 'ended';

    CREATE TABLE party_invites (
      party_id bigint NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      PRIMARY KEY (party_id, user_id)
    );

    CREATE TABLE party_participants (
      party_id bigint NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      first_joined_at timestamptz NOT NULL DEFAULT now(),
      present boolean NOT NULL DEFAULT true,
      PRIMARY KEY (party_id, user_id)
    );
    CREATE INDEX party_participants_present_idx ON party_participants (party_id) WHERE present;

    CREATE TABLE party_messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      party_id bigint NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      removed_at timestamptz,
      removed_by bigint REFERENCES users (id) ON DELETE SET NULL
    );
    CREATE INDEX party_messages_party_idx ON party_messages (party_id, id DESC);

    CREATE TABLE party_message_reports (
      message_id bigint NOT NULL REFERENCES party_messages (id) ON DELETE CASCADE,
      reporter_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (message_id, reporter_id)
    );

    CREATE TABLE party_ratings (
      party_id bigint NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
      track_id bigint NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 10),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (party_id, track_id, user_id)
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS party_ratings, party_message_reports, party_messages, party_participants, party_invites, parties');
}
