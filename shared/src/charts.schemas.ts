import { z } from 'zod';
import type { AlbumSummary, RatingStats } from './catalog.schemas';
import { userText } from './text';

export const ChartQuerySchema = z.object({
  kind: z.enum(['all-time', 'year', 'genre', 'trending']).default('all-time'),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  genre: userText('Genre').trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(250).default(100),
});
export type ChartQuery = z.infer<typeof ChartQuerySchema>;

export interface ChartEntry {
  rank: number;
  album: AlbumSummary;
  stats: RatingStats;
  /** Ratings in the last 7 days (trending only). */
  recentCount?: number;
  /** Fewer ratings than the chart's `minCount`: listed after every established entry, its score still settling. */
  provisional: boolean;
}

export interface Chart {
  kind: ChartQuery['kind'];
  year: number | null;
  genre: string | null;
  computedAt: string | null;
  priorMean: number;
  priorWeight: number;
  minCount: number;
  items: ChartEntry[];
}

/** `GET /api/charts/facets`: the years (newest first) and genres (A–Z) that have a chart. */
export interface ChartFacets {
  years: number[];
  genres: string[];
}
