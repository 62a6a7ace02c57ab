import type { Knex } from 'knex';

/**
 * The social graph and profiles: follows (with requests for private profiles), blocks, mutes,
 * favourites, notification preferences, reports and moderation state.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE users
      ADD COLUMN bio text NOT NULL DEFAULT '' CHECK (length(bio) <= 1000),
      ADD COLUMN avatar_url text CHECK (avatar_url IS NULL OR length(avatar_url) <= 2000),
      ADD COLUMN is_private boolean NOT NULL DEFAULT false,
      ADD COLUMN default_visibility text NOT NULL DEFAULT 'public' CHECK (default_visibility IN ('public', 'followers', 'private')),
      ADD COLUMN hide_unlogged_takes boolean NOT NULL DEFAULT false,
      ADD COLUMN follower_count integer NOT NULL DEFAULT 0 CHECK (follower_count >= 0),
      ADD COLUMN following_count integer NOT NULL DEFAULT 0 CHECK (following_count >= 0),
      ADD COLUMN suspended_at timestamptz;

    CREATE TABLE follows (
      follower_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      followee_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (follower_id, followee_id),
      CHECK (follower_id <> followee_id)
    );
    CREATE INDEX follows_followee_idx ON follows (followee_id, created_at DESC);
    CREATE INDEX follows_follower_created_idx ON follows (follower_id, created_at DESC);

    CREATE TABLE follow_requests (
      requester_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      target_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (requester_id, target_id),
      CHECK (requester_id <> target_id)
    );
    CREATE INDEX follow_requests_target_idx ON follow_requests (target_id, created_at DESC);

    CREATE TABLE blocks (
      blocker_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      blocked_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (blocker_id, blocked_id),
      CHECK (blocker_id <> blocked_id)
    );
    CREATE INDEX blocks_blocked_idx ON blocks (blocked_id);

    CREATE TABLE mutes (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('user', 'artist', 'activity_type')),
      target text NOT NULL CHECK (length(target) BETWEEN 1 AND 64),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, kind, target)
    );

    CREATE TABLE favourites (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      position smallint NOT NULL CHECK (position BETWEEN 1 AND 4),
      album_id bigint NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, position),
      UNIQUE (user_id, album_id) DEFERRABLE INITIALLY DEFERRED
    );

    CREATE TABLE notification_preferences (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      type text NOT NULL,
      enabled boolean NOT NULL,
      PRIMARY KEY (user_id, type)
    );

    ALTER TABLE reviews ADD COLUMN hidden_at timestamptz;
    ALTER TABLE review_comments ADD COLUMN hidden_at timestamptz;

    CREATE TABLE reports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      reporter_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      target_type text NOT NULL CHECK (target_type IN ('review', 'comment')),
      target_id bigint NOT NULL,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'actioned', 'dismissed')),
      resolution text,
      resolved_by bigint REFERENCES users (id) ON DELETE SET NULL,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (reporter_id, target_type, target_id)
    );
    CREATE INDEX reports_open_idx ON reports (created_at) WHERE status = 'open';
  `);
  // Follow counts follow every follow and unfollow, cascades included.
  await knex.raw(`
    CREATE FUNCTION muse_follow_counts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE users SET following_count = following_count + 1 WHERE id = NEW.follower_id;
        UPDATE users SET follower_count = follower_count + 1 WHERE id = NEW.followee_id;
      ELSE
        UPDATE users SET following_count = following_count - 1 WHERE id = OLD.follower_id;
        UPDATE users SET follower_count = follower_count - 1 WHERE id = OLD.followee_id;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER follows_counts AFTER INSERT OR DELETE ON follows FOR EACH ROW EXECUTE FUNCTION muse_follow_counts();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS reports, notification_preferences, favourites, mutes, blocks, follow_requests, follows;
    DROP FUNCTION IF EXISTS muse_follow_counts();
    ALTER TABLE review_comments DROP COLUMN IF EXISTS hidden_at;
    ALTER TABLE reviews DROP COLUMN IF EXISTS hidden_at;
    ALTER TABLE users
      DROP COLUMN IF EXISTS bio, DROP COLUMN IF EXISTS avatar_url, DROP COLUMN IF EXISTS is_private,
      DROP COLUMN IF EXISTS default_visibility, DROP COLUMN IF EXISTS hide_unlogged_takes,
      DROP COLUMN IF EXISTS follower_count, DROP COLUMN IF EXISTS following_count, DROP COLUMN IF EXISTS suspended_at;
  `);
}
