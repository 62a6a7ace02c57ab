import type { Knex } from 'knex';
import { canSeeSql } from '../../db/visibility-sql';

/** count, sum (1..10) and a 10-bucket histogram of the ratings a view counts. */
export interface ViewStatsRow {
  count: number;
  sum: string | number;
  histogram: number[];
}

/** Null counts: nobody rated the album yet. */
export interface EstablishedStatsRow {
  established_count: number | null;
  established_sum: string | null;
  established_histogram: number[] | null;
  release_date: string | null;
}

/** How much the on-request views read at most: the viewer's newest follows, the album's newest raters, the viewer's newest ratings. */
export const VIEW_LIMITS = { follows: 5000, tasteRaters: 300, tasteOwnRatings: 200 } as const;

const HISTOGRAM = `ARRAY[${Array.from({ length: 10 }, (_, i) => `count(*) FILTER (WHERE value = ${i + 1})`).join(', ')}]::int[]`;
const AGGREGATE = `count(*)::int AS count, coalesce(sum(value), 0)::int AS sum, ${HISTOGRAM} AS histogram`;

// A rater's rating shows in a view only where their activity would: their default visibility,
// a private profile only to approved followers, never across a block either way, never a suspended account.
const VISIBLE_RATER = `u.suspended_at IS NULL
  AND ${canSeeSql({ viewer: ':viewer::bigint', owner: 'u.id', visibility: 'u.default_visibility', ownerIsPrivate: 'u.is_private' })}
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = u.id AND b.blocked_id = :viewer::bigint)
                                        OR (b.blocker_id = :viewer::bigint AND b.blocked_id = u.id))`;

/** The album aggregate's views beyond the stats row: those that depend on who is looking. */
export class AlbumAggregateRepo {
  constructor(private readonly knex: Knex) {}

  /** The established-only aggregate kept in the stats row, with the album's release date; null for an unknown album. */
  async established(albumId: string): Promise<EstablishedStatsRow | null> {
    const row = await this.knex('albums as a')
      .leftJoin('album_rating_stats as s', 's.album_id', 'a.id')
      .where('a.id', albumId)
      .first('s.established_count', 's.established_sum', 's.established_histogram', this.knex.raw(`to_char(a.release_date, 'YYYY-MM-DD') AS release_date`));
    return (row as EstablishedStatsRow | undefined) ?? null;
  }

  /** Ratings of the album by the viewer's newest `VIEW_LIMITS.follows` followees, as far as the viewer may see them. */
  async following(viewerId: string, albumId: string): Promise<ViewStatsRow> {
    const { rows } = await this.knex.raw<{ rows: ViewStatsRow[] }>(
      `SELECT ${AGGREGATE}
         FROM (SELECT followee_id FROM follows WHERE follower_id = :viewer::bigint ORDER BY created_at DESC LIMIT :follows) f
         JOIN album_ratings r ON r.user_id = f.followee_id AND r.album_id = :album::bigint
         JOIN users u ON u.id = f.followee_id
        WHERE ${VISIBLE_RATER}`,
      { viewer: viewerId, album: albumId, follows: VIEW_LIMITS.follows },
    );
    return rows[0]!;
  }

  /**
   * Ratings of the album by people whose compatibility with the viewer reaches `minScore`, among
   * its newest `VIEW_LIMITS.tasteRaters` raters the viewer may see, compared over the viewer's
   * newest `VIEW_LIMITS.tasteOwnRatings` ratings of other albums (primary-key probes only).
   * Compatibility is the profile's: 100·(1 − mean |difference| / maxDiffStars), from `minShared` albums.
   */
  async taste(viewerId: string, albumId: string, taste: { minScore: number; minShared: number; maxDiffStars: number }): Promise<ViewStatsRow> {
    const { rows } = await this.knex.raw<{ rows: ViewStatsRow[] }>(
      `WITH mine AS (
         SELECT album_id, value FROM album_ratings WHERE user_id = :viewer::bigint AND album_id <> :album::bigint
          ORDER BY updated_at DESC LIMIT :own
       ), raters AS (
         SELECT r.user_id, r.value FROM album_ratings r JOIN users u ON u.id = r.user_id
          WHERE r.album_id = :album::bigint AND r.user_id <> :viewer::bigint AND ${VISIBLE_RATER}
          ORDER BY r.updated_at DESC LIMIT :raters
       ), alike AS (
         SELECT c.user_id, c.value
           FROM raters c CROSS JOIN mine m
           JOIN album_ratings o ON o.user_id = c.user_id AND o.album_id = m.album_id
          GROUP BY c.user_id, c.value
         HAVING count(*) >= :minShared
            AND round(100 * (1 - avg(abs(o.value - m.value)) / 2.0 / :maxDiff)) >= :minScore
       )
       SELECT ${AGGREGATE} FROM alike`,
      {
        viewer: viewerId,
        album: albumId,
        own: VIEW_LIMITS.tasteOwnRatings,
        raters: VIEW_LIMITS.tasteRaters,
        minShared: taste.minShared,
        maxDiff: taste.maxDiffStars,
        minScore: taste.minScore,
      },
    );
    return rows[0]!;
  }
}
