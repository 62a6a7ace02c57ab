import type { Knex } from 'knex';

/**
 * Notification batching and catch-up, and moderation's effect on counters.
 *
 * - `seq` orders a user's notifications by their latest change (a batched notification moves
 *   to the top keeping its id), so lists and catch-up (`since`) key on it, never on `id`.
 * - `group_key` marks notifications that may absorb later events about the same subject.
 * - Dedupe keys move to their own table: one batched notification stands for many events,
 *   each of which must still notify at most once.
 * - A review's comment_count counts visible comments only, so hiding one lowers it.
 * - Reports keep the reported author and an excerpt.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE SEQUENCE notifications_seq AS bigint;
    SELECT setval('notifications_seq', COALESCE((SELECT max(id) FROM notifications), 0) + 1, false);
    ALTER TABLE notifications
      ADD COLUMN seq bigint,
      ADD COLUMN group_key text CHECK (group_key IS NULL OR length(group_key) <= 200),
      ADD COLUMN updated_at timestamptz;
    UPDATE notifications SET seq = id, updated_at = created_at;
    ALTER TABLE notifications
      ALTER COLUMN seq SET DEFAULT nextval('notifications_seq'),
      ALTER COLUMN seq SET NOT NULL,
      ALTER COLUMN updated_at SET DEFAULT now(),
      ALTER COLUMN updated_at SET NOT NULL;
    ALTER SEQUENCE notifications_seq OWNED BY notifications.seq;
    CREATE UNIQUE INDEX notifications_user_seq_idx ON notifications (user_id, seq DESC);
    CREATE INDEX notifications_open_group_idx ON notifications (user_id, type, group_key, seq DESC)
      WHERE read_at IS NULL AND group_key IS NOT NULL;

    CREATE TABLE notification_dedupe_keys (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      key text NOT NULL CHECK (length(key) <= 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    );
    INSERT INTO notification_dedupe_keys (user_id, key, created_at)
      SELECT user_id, dedupe_key, created_at FROM notifications WHERE dedupe_key IS NOT NULL;

    -- What was reported, kept with the report: the queue still shows it if the author deletes it.
    ALTER TABLE reports
      ADD COLUMN target_author_id bigint REFERENCES users (id) ON DELETE CASCADE,
      ADD COLUMN excerpt text NOT NULL DEFAULT '',
      ADD COLUMN resolution_note text CHECK (resolution_note IS NULL OR length(resolution_note) <= 1000);
    CREATE INDEX reports_target_idx ON reports (target_type, target_id);
  `);
  await knex.raw(`
    CREATE OR REPLACE FUNCTION muse_review_comments_counter() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' AND NEW.hidden_at IS NULL THEN
        UPDATE reviews SET comment_count = comment_count + 1 WHERE id = NEW.review_id;
      ELSIF TG_OP = 'DELETE' AND OLD.hidden_at IS NULL THEN
        UPDATE reviews SET comment_count = comment_count - 1 WHERE id = OLD.review_id;
      ELSIF TG_OP = 'UPDATE' AND (OLD.hidden_at IS NULL) <> (NEW.hidden_at IS NULL) THEN
        UPDATE reviews SET comment_count = comment_count + CASE WHEN NEW.hidden_at IS NULL THEN 1 ELSE -1 END WHERE id = NEW.review_id;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER review_comments_hidden_counter AFTER UPDATE OF hidden_at ON review_comments
      FOR EACH ROW EXECUTE FUNCTION muse_review_comments_counter();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER IF EXISTS review_comments_hidden_counter ON review_comments;
    CREATE OR REPLACE FUNCTION muse_review_comments_counter() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE reviews SET comment_count = comment_count + 1 WHERE id = NEW.review_id;
      ELSE
        UPDATE reviews SET comment_count = comment_count - 1 WHERE id = OLD.review_id;
      END IF;
      RETURN NULL;
    END $$;
    DROP INDEX IF EXISTS reports_target_idx;
    ALTER TABLE reports DROP COLUMN IF EXISTS target_author_id, DROP COLUMN IF EXISTS excerpt, DROP COLUMN IF EXISTS resolution_note;
    DROP TABLE IF EXISTS notification_dedupe_keys;
    DROP INDEX IF EXISTS notifications_open_group_idx;
    DROP INDEX IF EXISTS notifications_user_seq_idx;
    ALTER TABLE notifications DROP COLUMN IF EXISTS seq, DROP COLUMN IF EXISTS group_key, DROP COLUMN IF EXISTS updated_at;
    DROP SEQUENCE IF EXISTS notifications_seq;
  `);
}
