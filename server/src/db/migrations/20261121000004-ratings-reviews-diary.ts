import type { Knex } from 'knex';

/**
 * Ratings (half stars stored as 1..10) with history, per-item aggregates maintained in the
 * rating's own transaction, reviews with likes and comments, and the listening diary.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE album_ratings (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      album_id bigint NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      value smallint NOT NULL CHECK (value BETWEEN 1 AND 10),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, album_id)
    );
    CREATE INDEX album_ratings_album_idx ON album_ratings (album_id, updated_at DESC);
    CREATE INDEX album_ratings_recent_idx ON album_ratings (updated_at DESC);

    CREATE TABLE track_ratings (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      track_id bigint NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
      value smallint NOT NULL CHECK (value BETWEEN 1 AND 10),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, track_id)
    );
    CREATE INDEX track_ratings_track_idx ON track_ratings (track_id);

    -- Earlier ratings, kept when a relisten brings a new one.
    CREATE TABLE rating_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      item_type text NOT NULL CHECK (item_type IN ('album', 'track')),
      item_id bigint NOT NULL,
      value smallint NOT NULL CHECK (value BETWEEN 1 AND 10),
      rated_at timestamptz NOT NULL,
      replaced_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX rating_history_user_item_idx ON rating_history (user_id, item_type, item_id, replaced_at DESC);

    -- count, sum and a 10-bucket histogram (index 1 = half a star ... 10 = five stars).
    CREATE TABLE album_rating_stats (
      album_id bigint PRIMARY KEY REFERENCES albums (id) ON DELETE CASCADE,
      count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
      sum bigint NOT NULL DEFAULT 0 CHECK (sum >= 0),
      histogram integer[] NOT NULL DEFAULT '{0,0,0,0,0,0,0,0,0,0}' CHECK (array_length(histogram, 1) = 10)
    );
    CREATE INDEX album_rating_stats_count_idx ON album_rating_stats (count DESC);

    CREATE TABLE track_rating_stats (
      track_id bigint PRIMARY KEY REFERENCES tracks (id) ON DELETE CASCADE,
      count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
      sum bigint NOT NULL DEFAULT 0 CHECK (sum >= 0),
      histogram integer[] NOT NULL DEFAULT '{0,0,0,0,0,0,0,0,0,0}' CHECK (array_length(histogram, 1) = 10)
    );

    CREATE TABLE reviews (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      album_id bigint NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
      rating smallint CHECK (rating BETWEEN 1 AND 10),
      listened_on date,
      is_relisten boolean NOT NULL DEFAULT false,
      like_count integer NOT NULL DEFAULT 0 CHECK (like_count >= 0),
      comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX reviews_album_recent_idx ON reviews (album_id, created_at DESC);
    CREATE INDEX reviews_album_popular_idx ON reviews (album_id, like_count DESC, created_at DESC);
    CREATE INDEX reviews_user_idx ON reviews (user_id, created_at DESC);

    CREATE TABLE review_likes (
      review_id bigint NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (review_id, user_id)
    );
    CREATE INDEX review_likes_user_idx ON review_likes (user_id);

    CREATE TABLE review_comments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      review_id bigint NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX review_comments_review_idx ON review_comments (review_id, id);

    CREATE TABLE diary_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      album_id bigint NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      listened_on date NOT NULL,
      rating smallint CHECK (rating BETWEEN 1 AND 10),
      review_id bigint REFERENCES reviews (id) ON DELETE SET NULL,
      is_relisten boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX diary_entries_user_date_idx ON diary_entries (user_id, listened_on DESC, id DESC);
    CREATE INDEX diary_entries_user_album_idx ON diary_entries (user_id, album_id);
  `);
  // Aggregates and counters follow every write (cascaded deletes included) in the writer's own
  // transaction. Row locks on the stats row serialise concurrent raters of one item correctly.
  for (const item of ['album', 'track']) {
    await knex.raw(`
      CREATE FUNCTION muse_${item}_rating_stats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE ${item}_rating_stats
             SET count = count - 1, sum = sum - OLD.value, histogram[OLD.value] = histogram[OLD.value] - 1
           WHERE ${item}_id = OLD.${item}_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO ${item}_rating_stats AS s (${item}_id, count, sum, histogram)
          VALUES (NEW.${item}_id, 1, NEW.value,
                  (SELECT array_agg(CASE WHEN i = NEW.value THEN 1 ELSE 0 END ORDER BY i) FROM generate_series(1, 10) i))
          ON CONFLICT (${item}_id) DO UPDATE
             SET count = s.count + 1, sum = s.sum + NEW.value, histogram[NEW.value] = s.histogram[NEW.value] + 1;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER ${item}_ratings_stats AFTER INSERT OR DELETE OR UPDATE OF value, ${item}_id ON ${item}_ratings
        FOR EACH ROW EXECUTE FUNCTION muse_${item}_rating_stats();
    `);
  }
  for (const [table, column] of [
    ['review_likes', 'like_count'],
    ['review_comments', 'comment_count'],
  ]) {
    await knex.raw(`
      CREATE FUNCTION muse_${table}_counter() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE reviews SET ${column} = ${column} + 1 WHERE id = NEW.review_id;
        ELSE
          UPDATE reviews SET ${column} = ${column} - 1 WHERE id = OLD.review_id;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER ${table}_counter AFTER INSERT OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION muse_${table}_counter();
    `);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS diary_entries, review_comments, review_likes, reviews,
      track_rating_stats, album_rating_stats, rating_history, track_ratings, album_ratings;
    DROP FUNCTION IF EXISTS muse_album_rating_stats(), muse_track_rating_stats(), muse_review_likes_counter(), muse_review_comments_counter();
  `);
}
