import type { Knex } from 'knex';

/**
 * Aggregates people can trust: every album rating carries its rater's standing (established or
 * not) and weight, the stats row keeps weighted sums, the established-only histogram and the last
 * stable weighted sums beside the honest count/sum/histogram, all moved by the rating trigger in
 * the rating's own transaction. A hold (a surge of ratings from low-history accounts) freezes the
 * shown weighted score at the stable sums; every hold, release and confirmation is logged publicly.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE album_ratings
      ADD COLUMN established boolean NOT NULL DEFAULT true,
      ADD COLUMN weight numeric(5, 4) NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 1),
      -- A moderator confirmed this rating was part of a brigade: it keeps weight 0 for good.
      ADD COLUMN discounted boolean NOT NULL DEFAULT false;
    -- The reweighing job finds the raters still on a reduced weight without scanning every rating.
    CREATE INDEX album_ratings_reduced_idx ON album_ratings (user_id) WHERE NOT established AND NOT discounted;

    ALTER TABLE album_rating_stats
      ADD COLUMN weight_sum numeric,
      ADD COLUMN weighted_sum numeric,
      ADD COLUMN established_count integer,
      ADD COLUMN established_sum bigint,
      ADD COLUMN established_histogram integer[],
      ADD COLUMN stable_weight_sum numeric,
      ADD COLUMN stable_weighted_sum numeric,
      ADD COLUMN held_at timestamptz,
      -- Ratings before this moment were looked at by a moderator: the surge rule ignores them.
      ADD COLUMN surge_reviewed_at timestamptz;
    UPDATE album_rating_stats
       SET weight_sum = count, weighted_sum = sum, established_count = count, established_sum = sum,
           established_histogram = histogram, stable_weight_sum = count, stable_weighted_sum = sum;
    ALTER TABLE album_rating_stats
      ALTER COLUMN weight_sum SET NOT NULL, ALTER COLUMN weighted_sum SET NOT NULL,
      ALTER COLUMN established_count SET NOT NULL, ALTER COLUMN established_sum SET NOT NULL,
      ALTER COLUMN established_histogram SET NOT NULL, ALTER COLUMN stable_weight_sum SET NOT NULL,
      ALTER COLUMN stable_weighted_sum SET NOT NULL;
    CREATE INDEX album_rating_stats_held_idx ON album_rating_stats (held_at) WHERE held_at IS NOT NULL;

    -- A writer that only knows the plain aggregate (a bulk load) gets full-weight, established sums.
    CREATE FUNCTION muse_album_rating_stats_defaults() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.weight_sum := coalesce(NEW.weight_sum, NEW.count);
      NEW.weighted_sum := coalesce(NEW.weighted_sum, NEW.sum);
      NEW.established_count := coalesce(NEW.established_count, NEW.count);
      NEW.established_sum := coalesce(NEW.established_sum, NEW.sum);
      NEW.established_histogram := coalesce(NEW.established_histogram, NEW.histogram);
      NEW.stable_weight_sum := coalesce(NEW.stable_weight_sum, NEW.weight_sum);
      NEW.stable_weighted_sum := coalesce(NEW.stable_weighted_sum, NEW.weighted_sum);
      RETURN NEW;
    END $$;
    CREATE TRIGGER album_rating_stats_defaults BEFORE INSERT ON album_rating_stats
      FOR EACH ROW EXECUTE FUNCTION muse_album_rating_stats_defaults();

    -- The stable sums follow the live ones while no hold is on and the change came from an
    -- established rater; ratings from low-history accounts never move them on their own.
    CREATE OR REPLACE FUNCTION muse_album_rating_stats() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_established boolean := TG_OP <> 'INSERT' AND OLD.established;
      new_established boolean := TG_OP <> 'DELETE' AND NEW.established;
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE album_rating_stats
           SET count = count - 1, sum = sum - OLD.value, histogram[OLD.value] = histogram[OLD.value] - 1,
               weight_sum = weight_sum - OLD.weight, weighted_sum = weighted_sum - OLD.weight * OLD.value,
               established_count = established_count - old_established::int,
               established_sum = established_sum - old_established::int * OLD.value,
               established_histogram[OLD.value] = established_histogram[OLD.value] - old_established::int,
               stable_weight_sum = CASE WHEN TG_OP = 'DELETE' AND held_at IS NULL AND old_established
                                        THEN weight_sum - OLD.weight ELSE stable_weight_sum END,
               stable_weighted_sum = CASE WHEN TG_OP = 'DELETE' AND held_at IS NULL AND old_established
                                          THEN weighted_sum - OLD.weight * OLD.value ELSE stable_weighted_sum END
         WHERE album_id = OLD.album_id;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO album_rating_stats AS s (album_id, count, sum, histogram, weight_sum, weighted_sum,
                                             established_count, established_sum, established_histogram,
                                             stable_weight_sum, stable_weighted_sum)
        VALUES (NEW.album_id, 1, NEW.value,
                (SELECT array_agg(CASE WHEN i = NEW.value THEN 1 ELSE 0 END ORDER BY i) FROM generate_series(1, 10) i),
                NEW.weight, NEW.weight * NEW.value, new_established::int, new_established::int * NEW.value,
                (SELECT array_agg(CASE WHEN i = NEW.value THEN new_established::int ELSE 0 END ORDER BY i) FROM generate_series(1, 10) i),
                CASE WHEN new_established THEN NEW.weight ELSE 0 END,
                CASE WHEN new_established THEN NEW.weight * NEW.value ELSE 0 END)
        ON CONFLICT (album_id) DO UPDATE
           SET count = s.count + 1, sum = s.sum + NEW.value, histogram[NEW.value] = s.histogram[NEW.value] + 1,
               weight_sum = s.weight_sum + NEW.weight, weighted_sum = s.weighted_sum + NEW.weight * NEW.value,
               established_count = s.established_count + new_established::int,
               established_sum = s.established_sum + new_established::int * NEW.value,
               established_histogram[NEW.value] = s.established_histogram[NEW.value] + new_established::int,
               stable_weight_sum = CASE WHEN s.held_at IS NULL AND (old_established OR new_established)
                                        THEN s.weight_sum + NEW.weight ELSE s.stable_weight_sum END,
               stable_weighted_sum = CASE WHEN s.held_at IS NULL AND (old_established OR new_established)
                                          THEN s.weighted_sum + NEW.weight * NEW.value ELSE s.stable_weighted_sum END;
      END IF;
      RETURN NULL;
    END $$;
    DROP TRIGGER album_ratings_stats ON album_ratings;
    CREATE TRIGGER album_ratings_stats AFTER INSERT OR DELETE OR UPDATE OF value, album_id, weight, established ON album_ratings
      FOR EACH ROW EXECUTE FUNCTION muse_album_rating_stats();

    CREATE TABLE moderation_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      action text NOT NULL CHECK (action IN ('hold', 'release', 'confirm')),
      album_id bigint NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      -- Null for the surge detector's own holds (and once the moderator's account is gone).
      moderator_id bigint REFERENCES users (id) ON DELETE SET NULL,
      -- What the rule saw (hold) or what the decision changed (confirm): counts and stars, no one's identity.
      detail jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX moderation_log_album_idx ON moderation_log (album_id, id DESC);
    CREATE INDEX moderation_log_moderator_idx ON moderation_log (moderator_id) WHERE moderator_id IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS moderation_log;
    DROP TRIGGER IF EXISTS album_ratings_stats ON album_ratings;
    CREATE OR REPLACE FUNCTION muse_album_rating_stats() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE album_rating_stats
           SET count = count - 1, sum = sum - OLD.value, histogram[OLD.value] = histogram[OLD.value] - 1
         WHERE album_id = OLD.album_id;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO album_rating_stats AS s (album_id, count, sum, histogram)
        VALUES (NEW.album_id, 1, NEW.value,
                (SELECT array_agg(CASE WHEN i = NEW.value THEN 1 ELSE 0 END ORDER BY i) FROM generate_series(1, 10) i))
        ON CONFLICT (album_id) DO UPDATE
           SET count = s.count + 1, sum = s.sum + NEW.value, histogram[NEW.value] = s.histogram[NEW.value] + 1;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER album_ratings_stats AFTER INSERT OR DELETE OR UPDATE OF value, album_id ON album_ratings
      FOR EACH ROW EXECUTE FUNCTION muse_album_rating_stats();
    DROP TRIGGER IF EXISTS album_rating_stats_defaults ON album_rating_stats;
    DROP FUNCTION IF EXISTS muse_album_rating_stats_defaults();
    ALTER TABLE album_rating_stats
      DROP COLUMN weight_sum, DROP COLUMN weighted_sum, DROP COLUMN established_count, DROP COLUMN established_sum,
      DROP COLUMN established_histogram, DROP COLUMN stable_weight_sum, DROP COLUMN stable_weighted_sum,
      DROP COLUMN held_at, DROP COLUMN surge_reviewed_at;
    ALTER TABLE album_ratings DROP COLUMN established, DROP COLUMN weight, DROP COLUMN discounted;
  `);
}
