import type { Knex } from 'knex';
import type { RankedRow } from './charts.repo';

/** A growers chart row: the album's aggregate and how its relisteners' ratings moved. */
export interface GrowerRow extends RankedRow {
  /** People with a first and a later rating of the album. */
  pairs: number;
  /** Mean of (current − first) over those people, in stars. */
  mean_rise: number;
}

export interface GrowersQueryOptions {
  limit: number;
  /** Albums with fewer relisten pairs are left out. */
  minPairs: number;
  /** The pre-release embargo: albums released after this date (YYYY-MM-DD) are left out; null or absent, none are. */
  hiddenAfter?: string | null;
}

// A relisten pair is one person's first rating of an album and their current one. The first is
// the oldest rating a relisten replaced (`rating_history`); someone who logged a relisten but kept
// their rating (no history row) is a pair that did not move, so it counts with a rise of 0.
// Read from the history's (user, item) index and the ratings' primary key; run by the charts job only.
const GROWERS_SQL = `
WITH firsts AS (
  SELECT DISTINCT ON (h.user_id, h.item_id) h.user_id, h.item_id AS album_id, h.value
    FROM rating_history h
   WHERE h.item_type = 'album'
   ORDER BY h.user_id, h.item_id, h.rated_at, h.id
), kept AS (
  SELECT DISTINCT d.user_id, d.album_id
    FROM diary_entries d
   WHERE d.is_relisten
     AND NOT EXISTS (SELECT 1 FROM rating_history h WHERE h.user_id = d.user_id AND h.item_type = 'album' AND h.item_id = d.album_id)
), pairs AS (
  SELECT r.album_id, r.value - f.value AS rise FROM firsts f JOIN album_ratings r ON r.user_id = f.user_id AND r.album_id = f.album_id
  UNION ALL
  SELECT r.album_id, 0 FROM kept k JOIN album_ratings r ON r.user_id = k.user_id AND r.album_id = k.album_id
), grown AS (
  SELECT album_id, count(*)::int AS pairs, avg(rise)::float8 / 2.0 AS mean_rise
    FROM pairs
   GROUP BY album_id
  HAVING count(*) >= ? AND avg(rise) > 0
)
SELECT s.album_id, s.count, s.sum, s.histogram, s.weight_sum, s.weighted_sum, s.held_at, s.stable_weight_sum, s.stable_weighted_sum,
       g.pairs, g.mean_rise
  FROM grown g
  JOIN album_rating_stats s ON s.album_id = g.album_id
  JOIN albums a ON a.id = g.album_id
 WHERE ?::date IS NULL OR a.release_date IS NULL OR a.release_date <= ?::date
 ORDER BY g.mean_rise DESC, g.pairs DESC, g.album_id ASC
 LIMIT ?`;

/** The community growers chart: albums whose relisteners rate them higher than they first did. */
export class GrowersRepo {
  constructor(private readonly knex: Knex) {}

  /** Albums with at least `minPairs` relisten pairs and a positive mean rise, largest rise first. */
  async top(o: GrowersQueryOptions): Promise<GrowerRow[]> {
    const hidden = o.hiddenAfter ?? null;
    const { rows } = await this.knex.raw<{ rows: GrowerRow[] }>(GROWERS_SQL, [o.minPairs, hidden, hidden, o.limit]);
    return rows.map((r) => ({ ...r, pairs: Number(r.pairs), mean_rise: Number(r.mean_rise) }));
  }
}
