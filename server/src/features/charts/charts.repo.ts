import type { Knex } from 'knex';
import { CHART_MIN_COUNT, CHART_PRIOR_WEIGHT } from '@muse/shared';
import type { StatsRow } from '../catalog/catalog.read-model';

/** One ranked album with its aggregate, as the chart queries return it. */
export interface RankedRow extends Pick<StatsRow, 'weight_sum' | 'weighted_sum' | 'held_at' | 'stable_weight_sum' | 'stable_weighted_sum'> {
  album_id: string;
  count: number;
  sum: string | number;
  histogram: number[];
  /** Ratings created or changed in the last 7 days (trending only). */
  recent?: number;
}

/** A ranked row of a per-year or per-genre chart. */
export interface PartitionedRow extends RankedRow {
  /** The year, or the genre's display name. */
  bucket: string | number;
}

/** The prior (mean of all ratings) and how many albums each chart keeps. */
export interface ChartQueryOptions {
  priorMean: number;
  limit: number;
  priorWeight?: number;
  minCount?: number;
  /** The pre-release embargo: albums released after this date (YYYY-MM-DD) are left out; null or absent, none are. */
  hiddenAfter?: string | null;
}

// The published weighted score (README "Scores"): the Bayesian average over the raters' weights,
// from the stable sums while a surge hold is on. Written once so every chart ranks by it.
const HELD = `s.held_at IS NOT NULL`;
const SCORE = `((?::float8 * ?::float8 + (CASE WHEN ${HELD} THEN s.stable_weighted_sum ELSE s.weighted_sum END)::float8 / 2.0)
                / (?::float8 + (CASE WHEN ${HELD} THEN s.stable_weight_sum ELSE s.weight_sum END)::float8))`;
// What presentStats needs beside count, sum and histogram, bare and from the stats row `s`.
const WEIGHT_COLUMNS = ['weight_sum', 'weighted_sum', 'held_at', 'stable_weight_sum', 'stable_weighted_sum'];
const WEIGHTS = WEIGHT_COLUMNS.join(', ');
const S_WEIGHTS = WEIGHT_COLUMNS.map((c) => `s.${c}`).join(', ');
const ORDER = `score DESC, s.count DESC, s.album_id ASC`;
// Albums under the minimum count are charted (so a new community has charts from its first
// rating) but only after every album that reached it.
// An embargoed album (released after the date given) has no aggregate to rank by yet.
const NOT_EMBARGOED = `(?::date IS NULL OR NOT EXISTS (SELECT 1 FROM albums e WHERE e.id = s.album_id AND e.release_date > ?::date))`;
const RATED = `SELECT s.*, ${SCORE} AS score, (s.count >= ?) AS established FROM album_rating_stats s WHERE s.count > 0 AND ${NOT_EMBARGOED}`;
const RANK_ORDER = `established DESC, ${ORDER}`;

function scoreBindings(o: ChartQueryOptions): number[] {
  const c = o.priorWeight ?? CHART_PRIOR_WEIGHT;
  return [c, o.priorMean, c];
}

function embargoBindings(o: ChartQueryOptions): (string | null)[] {
  return [o.hiddenAfter ?? null, o.hiddenAfter ?? null];
}

function ratedBindings(o: ChartQueryOptions): (number | string | null)[] {
  return [...scoreBindings(o), o.minCount ?? CHART_MIN_COUNT, ...embargoBindings(o)];
}

/**
 * Chart queries. Top charts read only the aggregates (`album_rating_stats`); trending reads
 * `album_ratings` through its `updated_at` index for the last 7 days.
 */
export class ChartsRepo {
  constructor(private readonly knex: Knex) {}

  /** Best albums of all time: those with the minimum count first, then the provisional ones. */
  async topAllTime(o: ChartQueryOptions): Promise<RankedRow[]> {
    const { rows } = await this.knex.raw<{ rows: RankedRow[] }>(
      `SELECT s.album_id, s.count, s.sum, s.histogram, ${WEIGHTS}
         FROM (${RATED}) s
        ORDER BY ${RANK_ORDER}
        LIMIT ?`,
      [...ratedBindings(o), o.limit],
    );
    return rows;
  }

  /** The best `limit` albums of every release year, in one pass, provisional ones last. */
  async topByYear(o: ChartQueryOptions): Promise<PartitionedRow[]> {
    const { rows } = await this.knex.raw<{ rows: PartitionedRow[] }>(
      `SELECT bucket, album_id, count, sum, histogram, ${WEIGHTS} FROM (
         SELECT a.release_year AS bucket, s.album_id, s.count, s.sum, s.histogram, ${S_WEIGHTS},
                row_number() OVER (PARTITION BY a.release_year ORDER BY ${RANK_ORDER}) AS rn
           FROM (${RATED}) s
           JOIN albums a ON a.id = s.album_id
          WHERE a.release_year IS NOT NULL
       ) ranked
       WHERE rn <= ?
       ORDER BY bucket DESC, rn`,
      [...ratedBindings(o), o.limit],
    );
    return rows;
  }

  /**
   * The best `limit` albums of every genre or style, in one pass, provisional ones last. Genres compare without case;
   * an album listed under "Rock" as genre and style counts once.
   */
  async topByGenre(o: ChartQueryOptions): Promise<PartitionedRow[]> {
    const { rows } = await this.knex.raw<{ rows: PartitionedRow[] }>(
      `WITH rated AS (${RATED}), tagged AS (
         SELECT DISTINCT ON (s.album_id, lower(g.name)) lower(g.name) AS key, g.name, s.album_id, s.count, s.sum, s.histogram, s.score, s.established,
                ${S_WEIGHTS}
           FROM rated s
           JOIN albums a ON a.id = s.album_id
           CROSS JOIN LATERAL unnest(a.genres || a.styles) AS g(name)
          WHERE btrim(g.name) <> ''
          ORDER BY s.album_id, lower(g.name), g.name
       ), ranked AS (
         SELECT min(name) OVER (PARTITION BY key) AS bucket, album_id, count, sum, histogram, ${WEIGHTS},
                row_number() OVER (PARTITION BY key ORDER BY established DESC, score DESC, count DESC, album_id ASC) AS rn
           FROM tagged
       )
       SELECT bucket, album_id, count, sum, histogram, ${WEIGHTS} FROM ranked WHERE rn <= ? ORDER BY lower(bucket), rn`,
      [...ratedBindings(o), o.limit],
    );
    return rows;
  }

  /** Albums by ratings created or changed since `since`; ties go to the better weighted score. */
  async trending(o: ChartQueryOptions & { since: Date }): Promise<RankedRow[]> {
    const { rows } = await this.knex.raw<{ rows: RankedRow[] }>(
      `SELECT s.album_id, s.count, s.sum, s.histogram, ${S_WEIGHTS}, r.recent::int AS recent, ${SCORE} AS score
         FROM (SELECT album_id, count(*) AS recent FROM album_ratings WHERE updated_at >= ? GROUP BY album_id) r
         JOIN album_rating_stats s ON s.album_id = r.album_id
        WHERE ${NOT_EMBARGOED}
        ORDER BY r.recent DESC, ${ORDER}
        LIMIT ?`,
      [...scoreBindings(o), o.since, ...embargoBindings(o), o.limit],
    );
    return rows;
  }
}
