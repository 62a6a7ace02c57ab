import type { Knex } from 'knex';

/**
 * "Listen later": a private queue of albums per user (Letterboxd's watchlist). An album leaves
 * it when its owner rates, logs or reviews it, unless they chose to keep it: triggers do this in
 * the same transaction as the rating, diary or review write, so every path that writes one (the
 * API, CSV imports, reviews with a rating or a date) is covered without anyone remembering to.
 * Imports also learn a third source, Letterboxd's watchlist.csv, whose rows go to this queue.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE listen_later (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      album_id bigint NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      keep boolean NOT NULL DEFAULT false,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, album_id)
    );
    -- The queue's default order (latest added first) is read straight from this index.
    CREATE INDEX listen_later_added_idx ON listen_later (user_id, added_at DESC, album_id DESC);
    -- Cascades from a deleted album find its rows without scanning every queue.
    CREATE INDEX listen_later_album_idx ON listen_later (album_id);

    CREATE FUNCTION muse_listen_later_listened() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM listen_later WHERE user_id = NEW.user_id AND album_id = NEW.album_id AND NOT keep;
      RETURN NULL;
    END $$;
    -- A changed rating is a new judgement of the album; re-rating with the same value writes nothing.
    CREATE TRIGGER album_ratings_listen_later AFTER INSERT OR UPDATE OF value ON album_ratings
      FOR EACH ROW EXECUTE FUNCTION muse_listen_later_listened();
    CREATE TRIGGER diary_entries_listen_later AFTER INSERT ON diary_entries
      FOR EACH ROW EXECUTE FUNCTION muse_listen_later_listened();
    -- Writing a review means the album was heard, as on Letterboxd, even without a rating or date.
    CREATE TRIGGER reviews_listen_later AFTER INSERT ON reviews
      FOR EACH ROW EXECUTE FUNCTION muse_listen_later_listened();

    ALTER TABLE imports DROP CONSTRAINT imports_source_check;
    ALTER TABLE imports ADD CONSTRAINT imports_source_check CHECK (source IN ('letterboxd', 'rym', 'letterboxd-watchlist'));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DELETE FROM imports WHERE source = 'letterboxd-watchlist';
    ALTER TABLE imports DROP CONSTRAINT imports_source_check;
    ALTER TABLE imports ADD CONSTRAINT imports_source_check CHECK (source IN ('letterboxd', 'rym'));
    DROP TRIGGER IF EXISTS album_ratings_listen_later ON album_ratings;
    DROP TRIGGER IF EXISTS diary_entries_listen_later ON diary_entries;
    DROP TRIGGER IF EXISTS reviews_listen_later ON reviews;
    DROP FUNCTION IF EXISTS muse_listen_later_listened();
    DROP TABLE IF EXISTS listen_later;
  `);
}
