import { z } from 'zod';
import { AlbumSummarySchema, RatingStatsSchema } from './catalog.schemas';
import { userText } from './text.schemas';

/** Which chart: the best of all time, of a year or of a genre, this week's trending, or the growers. */
export const ChartKindSchema = z.enum(['all-time', 'year', 'genre', 'trending', 'growers']);
export type ChartKind = z.infer<typeof ChartKindSchema>;

export const ChartQuerySchema = z.object({
  kind: ChartKindSchema.default('all-time'),
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
export const ChartGrowthSchema = z.object({
  meanRise: z.number(),
  /** People with a first and a later rating of the album. */
  pairs: z.number().int().min(0),
});
export type ChartGrowth = z.infer<typeof ChartGrowthSchema>;

/** One ranked album of a chart. */
export const ChartEntrySchema = z.object({
  rank: z.number().int().min(1),
  album: AlbumSummarySchema,
  stats: RatingStatsSchema,
  /** Ratings in the last 7 days (trending only). */
  recentCount: z.number().int().min(0).optional(),
  /** Growers only: how far relisteners' ratings rose over their first ones. */
  growth: ChartGrowthSchema.optional(),
  /** Fewer ratings than the chart's `minCount`: listed after every established entry, its score still settling. */
  provisional: z.boolean(),
});
export type ChartEntry = z.infer<typeof ChartEntrySchema>;

/** `GET /api/charts`: one chart with the Bayesian parameters it was ranked by; empty with `computedAt: null` until first computed. */
export const ChartSchema = z.object({
  kind: ChartKindSchema,
  /** The year of a year chart, else null. */
  year: z.number().int().nullable(),
  /** The genre of a genre chart (its display name), else null. */
  genre: z.string().nullable(),
  computedAt: z.string().nullable(),
  priorMean: z.number(),
  priorWeight: z.number(),
  minCount: z.number().int().min(0),
  items: z.array(ChartEntrySchema),
});
export type Chart = z.infer<typeof ChartSchema>;

/** `GET /api/charts/facets`: the years (newest first) and genres (A–Z) that have a chart. */
export const ChartFacetsSchema = z.object({
  years: z.array(z.number().int()),
  genres: z.array(z.string()),
});
export type ChartFacets = z.infer<typeof ChartFacetsSchema>;
