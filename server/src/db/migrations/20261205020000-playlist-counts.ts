import type { Knex } from 'knex';

/**
 * What people sort playlists by lives in Postgres next to the other counts (the playlists
 * themselves are documents): one stats row per playlist that was ever liked or cloned, the likes
 * themselves, and the clones. The like count follows the likes through a trigger, in the same
 * transaction, so cascades from account deletion keep it true too.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE playlist_stats (
      playlist_id uuid PRIMARY KEY,
      owner_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      like_count integer NOT NULL DEFAULT 0 CHECK (like_count >= 0),
      clone_count integer NOT NULL DEFAULT 0 CHECK (clone_count >= 0)
    );
    CREATE INDEX playlist_stats_owner_idx ON playlist_stats (owner_id);

    CREATE TABLE playlist_likes (
      playlist_id uuid NOT NULL REFERENCES playlist_stats (playlist_id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (playlist_id, user_id)
    );
    CREATE INDEX playlist_likes_user_idx ON playlist_likes (user_id, created_at DESC, playlist_id DESC);
    CREATE INDEX playlist_likes_recent_idx ON playlist_likes (created_at DESC, playlist_id);

    CREATE TABLE playlist_clones (
      clone_id uuid PRIMARY KEY,
      source_id uuid NOT NULL REFERENCES playlist_stats (playlist_id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX playlist_clones_source_idx ON playlist_clones (source_id);

    CREATE FUNCTION playlist_likes_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE playlist_stats SET like_count = like_count + 1 WHERE playlist_id = NEW.playlist_id;
      ELSE
        UPDATE playlist_stats SET like_count = like_count - 1 WHERE playlist_id = OLD.playlist_id;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER playlist_likes_count AFTER INSERT OR DELETE ON playlist_likes
      FOR EACH ROW EXECUTE FUNCTION playlist_likes_count();

    CREATE FUNCTION playlist_clones_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE playlist_stats SET clone_count = clone_count + 1 WHERE playlist_id = NEW.source_id;
      ELSE
        UPDATE playlist_stats SET clone_count = clone_count - 1 WHERE playlist_id = OLD.source_id;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER playlist_clones_count AFTER INSERT OR DELETE ON playlist_clones
      FOR EACH ROW EXECUTE FUNCTION playlist_clones_count();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS playlist_clones;
    DROP TABLE IF EXISTS playlist_likes;
    DROP TABLE IF EXISTS playlist_stats;
    DROP FUNCTION IF EXISTS playlist_likes_count();
    DROP FUNCTION IF EXISTS playlist_clones_count();
  `);
}
