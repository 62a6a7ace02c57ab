import { z } from 'zod';
import type { AlbumSummary, RatingStats } from './catalog.schemas';
import { userText } from './text.schemas';

export const ChartQuerySchema = z.object({
  kind: z.enum(['all-time', 'year', 'genre', 'trending', 'growers']).default('all-time'),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  genre: userText('Genre').trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(250).default(100),
});
export type ChartQuery = z.infer<typeof ChartQuerySchema>;

/** What `GET /api/charts` accepts: a year or genre chart without its year or genre is a mistake worth naming, not an empty page. */
export const ChartRequestSchema = ChartQuerySchema.superRefine((q, ctx) => {
  if (q.kind === 'year' && q.year === undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: 'Choose a year for a year chart' });
  if (q.kind === 'genre' && q.genre === undefined) ctx.addIssue({ code: 'custom', path: ['genre'], message: 'Choose a genre for a genre chart' });
});

/** A growers entry's rise: the mean of (latest − first rating) in stars over the people who rated the album again. */
export interface ChartGrowth {
  meanRise: number;
  /** People with a first and a later rating of the album. */
  pairs: number;
}

export interface ChartEntry {
  rank: number;
  album: AlbumSummary;
  stats: RatingStats;
  /** Ratings in the last 7 days (trending only). */
  recentCount?: number;
  /** Growers only: how far relisteners' ratings rose over their first ones. */
  growth?: ChartGrowth;
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
