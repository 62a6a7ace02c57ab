import type { Knex } from 'knex';
import { canSeeSql } from '../../db/visibility-sql';

export interface ProfileStatsRow {
  rating_count: number;
  review_count: number;
  diary_count: number;
  histogram: number[];
  by_decade: { decade: number; count: number; sum: number }[];
  by_year_rated: { year: number; count: number }[];
  top_artists: { artist_id: string; name: string; count: number; sum: number }[];
  top_genres: { genre: string; count: number; sum: number }[];
  streak_current: number;
  streak_longest: number;
}

const TOP = 10;

/** Reviews the viewer may see, by the rule every review list applies. */
const VIEWER_SEES_REVIEW = canSeeSql({ viewer: 'CAST(:v AS bigint)', owner: 'rv.user_id', visibility: 'rv.visibility', ownerIsPrivate: 'ru.is_private' });

/**
 * A user's stats in one round trip. Every part starts from the user's rows through an index
 * (album_ratings' primary key, reviews_user_idx, diary_entries_user_date_idx), so the cost
 * grows with what the user rated, never with the site.
 */
export class ProfileStatsRepo {
  constructor(private readonly knex: Knex) {}

  /**
   * The stats of `userId` as `viewerId` (null when signed out) sees them: the review count holds
   * only reviews the viewer may see. Ratings, diary and streaks are not private and count whole.
   */
  async forUser(userId: string, viewerId: string | null): Promise<ProfileStatsRow> {
    const { rows } = await this.knex.raw<{ rows: ProfileStatsRow[] }>(
      `WITH r AS (
         SELECT ar.album_id, ar.value, ar.created_at FROM album_ratings ar WHERE ar.user_id = :u
       ),
       days AS (
         SELECT DISTINCT listened_on FROM diary_entries WHERE user_id = :u
       ),
       -- Gaps and islands: consecutive days share (day - row number), so each island is one group.
       islands AS (
         SELECT max(listened_on) AS last_day, count(*)::int AS length
           FROM (SELECT listened_on, listened_on - (row_number() OVER (ORDER BY listened_on))::int AS grp FROM days) d
          GROUP BY grp
       )
       SELECT
         (SELECT count(*)::int FROM r) AS rating_count,
         (SELECT count(*)::int FROM reviews rv JOIN users ru ON ru.id = rv.user_id
           WHERE rv.user_id = :u AND rv.hidden_at IS NULL AND ${VIEWER_SEES_REVIEW}) AS review_count,
         (SELECT count(*)::int FROM diary_entries WHERE user_id = :u) AS diary_count,
         (SELECT array_agg(coalesce(c, 0) ORDER BY v)
            FROM generate_series(1, 10) v
            LEFT JOIN (SELECT value, count(*)::int AS c FROM r GROUP BY value) h ON h.value = v) AS histogram,
         (SELECT coalesce(json_agg(x ORDER BY x.decade), '[]')
            FROM (SELECT (a.release_year / 10) * 10 AS decade, count(*)::int AS count, sum(r.value)::int AS sum
                    FROM r JOIN albums a ON a.id = r.album_id
                   WHERE a.release_year IS NOT NULL GROUP BY 1) x) AS by_decade,
         (SELECT coalesce(json_agg(x ORDER BY x.year), '[]')
            FROM (SELECT extract(year FROM r.created_at AT TIME ZONE 'UTC')::int AS year, count(*)::int AS count FROM r GROUP BY 1) x) AS by_year_rated,
         (SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.sum DESC, x.name, x.artist_id), '[]')
            FROM (SELECT aa.artist_id::text AS artist_id, min(ar.name) AS name, count(DISTINCT r.album_id)::int AS count, sum(r.value)::int AS sum
                    FROM r JOIN album_artists aa ON aa.album_id = r.album_id JOIN artists ar ON ar.id = aa.artist_id
                   GROUP BY aa.artist_id
                   ORDER BY count(DISTINCT r.album_id) DESC, sum(r.value) DESC, min(ar.name), aa.artist_id LIMIT ${TOP}) x) AS top_artists,
         (SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.sum DESC, x.genre), '[]')
            FROM (SELECT g.genre, count(*)::int AS count, sum(r.value)::int AS sum
                    FROM r JOIN albums a ON a.id = r.album_id CROSS JOIN LATERAL unnest(a.genres) AS g(genre)
                   GROUP BY g.genre
                   ORDER BY count(*) DESC, sum(r.value) DESC, g.genre LIMIT ${TOP}) x) AS top_genres,
         (SELECT coalesce(max(length), 0) FROM islands
           WHERE last_day >= (now() AT TIME ZONE 'UTC')::date - 1) AS streak_current,
         (SELECT coalesce(max(length), 0) FROM islands) AS streak_longest`,
      { u: userId, v: viewerId },
    );
    return rows[0]!;
  }
}
