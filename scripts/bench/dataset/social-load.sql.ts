import type { ClientBase } from 'pg';
import type { DatasetScale } from './dataset-scale';

/** Candidate pairs drawn per rating wanted; the skew makes a few pairs repeat, and those are dropped. */
const RATING_CANDIDATE_FACTOR = 1.3;

const HISTOGRAM_BUCKETS = Array.from({ length: 10 }, (_, i) => `count(*) FILTER (WHERE value = ${i + 1})`).join(', ');

/**
 * Exactly `scale.ratings` album ratings on distinct (user, album) pairs: heavy users and popular
 * albums come up often, values lean towards 3.5-4.5 stars with a per-album bias, 5 % of them in
 * the last week (for "trending"). The aggregate trigger is off during the load; the stats are
 * then written by one aggregate query, exactly as the trigger would have left them.
 */
export async function loadRatings(db: ClientBase, scale: DatasetScale): Promise<void> {
  await db.query('ALTER TABLE album_ratings DISABLE TRIGGER USER');
  try {
    await db.query(
      `INSERT INTO album_ratings (user_id, album_id, value, created_at, updated_at)
       SELECT user_id, album_id, value, t, t FROM (
         SELECT * FROM (
           -- DISTINCT ON keeps the first candidate of each pair; the earliest candidates win.
           SELECT DISTINCT ON (user_id, album_id) user_id, album_id, g
             FROM (SELECT bench.skewed($2, 1.6, 50, g) AS user_id, bench.skewed($3, 2.0, 51, g) AS album_id, g
                     FROM generate_series(1, $4::int) g) c
            ORDER BY user_id, album_id, g
         ) d
         ORDER BY g
         LIMIT $1
       ) pairs
       CROSS JOIN LATERAL (
         SELECT greatest(1, least(10, base + floor(bench.u(53, album_id) * 4)::int - 2)) AS value,
                now() - CASE WHEN bench.u(54, g) < 0.05 THEN bench.u(55, g) * 7 ELSE bench.u(55, g) * 1100 END * interval '1 day' AS t
           FROM (SELECT bench.u(52, g) AS x) r
          CROSS JOIN LATERAL (
            SELECT CASE WHEN x < 0.01 THEN 1 WHEN x < 0.03 THEN 2 WHEN x < 0.06 THEN 3 WHEN x < 0.11 THEN 4 WHEN x < 0.20 THEN 5
                        WHEN x < 0.34 THEN 6 WHEN x < 0.54 THEN 7 WHEN x < 0.76 THEN 8 WHEN x < 0.92 THEN 9 ELSE 10 END AS base
          ) b
       ) v
       ORDER BY user_id, album_id`,
      [scale.ratings, scale.users, scale.albums, Math.ceil(scale.ratings * RATING_CANDIDATE_FACTOR)],
    );
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM album_ratings');
    if (Number(rows[0]!.n) !== scale.ratings) {
      throw new Error(`only ${rows[0]!.n} distinct (user, album) pairs for ${scale.ratings} ratings: raise RATING_CANDIDATE_FACTOR or users x albums`);
    }
    // Every rater of the data set is an established account (its ratings keep the default full
    // weight), so the weighted, established and stable sums are the plain ones; written out here
    // because loading as a replica skips the stats row's defaults trigger.
    await db.query(
      `INSERT INTO album_rating_stats (album_id, count, sum, histogram, weight_sum, weighted_sum,
                                       established_count, established_sum, established_histogram,
                                       stable_weight_sum, stable_weighted_sum)
       SELECT album_id, n, total, histogram, n, total, n, total, histogram, n, total
         FROM (SELECT album_id, count(*)::int AS n, sum(value)::bigint AS total, ARRAY[${HISTOGRAM_BUCKETS}]::int[] AS histogram
                 FROM album_ratings GROUP BY album_id) s`,
    );
  } finally {
    await db.query('ALTER TABLE album_ratings ENABLE TRIGGER USER');
  }
}

/**
 * Reviews written for a random subset of the ratings (so every review has a matching rating and
 * popular albums have the most reviews), bodies of 1 to 100 sentences, and likes on about a
 * third of them with a long tail; like_count is then filled by one aggregate query.
 */
export async function loadReviews(db: ClientBase, scale: DatasetScale): Promise<void> {
  await db.query(
    `INSERT INTO reviews (id, user_id, album_id, body, rating, listened_on, is_relisten, created_at, updated_at)
     OVERRIDING SYSTEM VALUE
     SELECT row_number() OVER (ORDER BY r.created_at, r.user_id, r.album_id),
            r.user_id, r.album_id,
            array_to_string(ARRAY(SELECT bench.pick(v.sentence, 63, r.k * 128 + i) FROM generate_series(1, sentences) i), ' '),
            CASE WHEN bench.u(61, r.k) < 0.85 THEN r.value END,
            r.created_at::date,
            bench.u(62, r.k) < 0.05,
            r.created_at, r.created_at
       FROM (SELECT a.*, a.user_id * 1000003 + a.album_id AS k
               FROM album_ratings a
              ORDER BY bench.u(60, a.user_id * 1000003 + a.album_id)
              LIMIT $1) r
      CROSS JOIN bench.vocab v
      CROSS JOIN LATERAL (
        SELECT CASE WHEN bench.u(64, r.k) < 0.02 THEN 40 + floor(bench.u(65, r.k) * 60)::int
                    ELSE 1 + floor(power(bench.u(66, r.k), 2) * 12)::int END AS sentences
      ) s`,
    [scale.reviews],
  );

  await db.query('ALTER TABLE review_likes DISABLE TRIGGER USER');
  try {
    // Likers walk the user ids with a prime stride, so one review never gets two likes from one user.
    await db.query(
      `INSERT INTO review_likes (review_id, user_id, created_at)
       SELECT r.id, l.liker, r.created_at + j * interval '1 hour'
         FROM reviews r
        CROSS JOIN LATERAL generate_series(0, floor(40 * power(bench.u(70, r.id), 8))::int - 1) j
        CROSS JOIN LATERAL (SELECT 1 + ((r.id * 7919 + j * 104729) % $1::int) AS liker) l
        WHERE l.liker <> r.user_id`,
      [scale.users],
    );
    await db.query(
      `UPDATE reviews r SET like_count = c.n
         FROM (SELECT review_id, count(*)::int AS n FROM review_likes GROUP BY review_id) c
        WHERE r.id = c.review_id`,
    );
  } finally {
    await db.query('ALTER TABLE review_likes ENABLE TRIGGER USER');
  }
}

/**
 * Activity events in the document store's postgres table, shaped exactly as the postgres
 * adapter writes them: a time-ordered UUIDv7 id and the whole document in `doc`.
 */
export async function loadActivity(db: ClientBase, scale: DatasetScale): Promise<void> {
  await db.query(
    `INSERT INTO doc_activity (id, actor_id, type, created_at, doc)
     SELECT id, actor, type, ts,
            jsonb_build_object('id', id::text, 'actorId', actor, 'type', type, 'visibility', 'public',
                               'subject', jsonb_build_object('kind', kind, 'id', subject_id::text),
                               'data', data,
                               'createdAt', to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
       FROM (
         SELECT g, actor, ts, type, kind, subject_id, data,
                (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3)
                  || substr('89ab', 1 + (g % 4)::int, 1) || substr(h, 4, 15))::uuid AS id
           FROM generate_series(1, $1::int) g
          CROSS JOIN LATERAL (
            SELECT bench.skewed($2, 1.6, 80, g)::text AS actor,
                   date_trunc('milliseconds', now() - bench.u(81, g) * interval '1100 days') AS ts,
                   bench.u(82, g) AS x,
                   md5(g::text) AS h
          ) a
          CROSS JOIN LATERAL (
            SELECT CASE WHEN x < 0.6 THEN 'rated' WHEN x < 0.75 THEN 'reviewed'
                        WHEN x < 0.9 THEN 'liked_review' ELSE 'listened' END AS type,
                   CASE WHEN x < 0.6 OR x >= 0.9 THEN 'album' ELSE 'review' END AS kind,
                   CASE WHEN x < 0.6 OR x >= 0.9 THEN bench.skewed($3, 2.0, 83, g) ELSE bench.skewed($4, 1.0, 84, g) END AS subject_id,
                   CASE WHEN x < 0.6 OR x >= 0.9 THEN jsonb_build_object('rating', (1 + floor(bench.u(85, g) * 10)) / 2.0) ELSE '{}'::jsonb END AS data
          ) t
       ) e
      -- In id order the primary key grows at its right edge instead of splitting pages at random.
      ORDER BY id`,
    [scale.activity, scale.users, scale.albums, scale.reviews],
  );
}

/**
 * The feed scenario's social graph: the first `feedUsers` users in the order the bench signs
 * users in each follow `followsPerFeedUser` users drawn from those with the most recent
 * activity. Follow counts are written by aggregate queries, as the trigger would have left them.
 */
export async function loadFollows(db: ClientBase, scale: DatasetScale): Promise<void> {
  await db.query(
    `WITH feed_users AS (SELECT id FROM users WHERE handle ~ '_[0-9]+$' ORDER BY hashint8(id) LIMIT $1),
          active AS (SELECT actor_id::bigint AS id FROM doc_activity GROUP BY actor_id ORDER BY max(created_at) DESC LIMIT $3)
     INSERT INTO follows (follower_id, followee_id, created_at)
     SELECT f.id, a.id, now() - interval '30 days'
       FROM feed_users f
      CROSS JOIN LATERAL (SELECT id FROM active WHERE id <> f.id ORDER BY hashint8(id # f.id) LIMIT $2) a`,
    [scale.feedUsers, scale.followsPerFeedUser, scale.followsPerFeedUser * 4],
  );
  await db.query(
    `UPDATE users u SET follower_count = c.n FROM (SELECT followee_id, count(*)::int AS n FROM follows GROUP BY followee_id) c WHERE u.id = c.followee_id`,
  );
  await db.query(
    `UPDATE users u SET following_count = c.n FROM (SELECT follower_id, count(*)::int AS n FROM follows GROUP BY follower_id) c WHERE u.id = c.follower_id`,
  );
}
