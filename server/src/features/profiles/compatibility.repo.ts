import type { Knex } from 'knex';

export interface CompatibilityRow {
  shared_count: number;
  /** Sum over shared albums of |viewer − owner|, in rating values (1..10). */
  abs_diff_sum: number;
  /** The biggest differences, biggest first. */
  disagreements: { album_id: string; yours: number; theirs: number }[];
}

const DISAGREEMENTS = 5;

/** Agreement between two users over the albums both rated, in one query. */
export class CompatibilityRepo {
  constructor(private readonly knex: Knex) {}

  /** Both users' rows are read through album_ratings' primary key (user_id, album_id). */
  async between(viewerId: string, ownerId: string): Promise<CompatibilityRow> {
    const { rows } = await this.knex.raw<{ rows: CompatibilityRow[] }>(
      `WITH shared AS (
         SELECT v.album_id, v.value AS yours, o.value AS theirs, abs(v.value - o.value) AS diff
           FROM album_ratings v JOIN album_ratings o ON o.album_id = v.album_id AND o.user_id = :o
          WHERE v.user_id = :v
       )
       SELECT (SELECT count(*)::int FROM shared) AS shared_count,
              (SELECT coalesce(sum(diff), 0)::int FROM shared) AS abs_diff_sum,
              (SELECT coalesce(json_agg(x ORDER BY x.diff DESC, x.album_id), '[]')
                 FROM (SELECT album_id::text AS album_id, yours, theirs, diff FROM shared WHERE diff > 0
                        ORDER BY diff DESC, album_id LIMIT ${DISAGREEMENTS}) x) AS disagreements`,
      { v: viewerId, o: ownerId },
    );
    return rows[0]!;
  }
}
