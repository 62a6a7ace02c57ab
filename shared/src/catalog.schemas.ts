import { z } from 'zod';

export const AlbumTypeSchema = z.enum(['album', 'ep', 'single', 'compilation', 'live']);
export type AlbumType = z.infer<typeof AlbumTypeSchema>;

export const DatePrecisionSchema = z.enum(['year', 'month', 'day']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** Positive bigint id in a path, as a string. */
export const IdSchema = z.string().regex(/^[1-9][0-9]{0,17}$/, 'Id must be a positive integer');
export const IdParamsSchema = z.object({ id: IdSchema });

/** One artist of a credit and what is printed after them: " feat. ", " & ", ", " or "". */
export const ArtistCreditSchema = z.object({ artistId: z.string(), name: z.string(), joinPhrase: z.string() });
export type ArtistCredit = z.infer<typeof ArtistCreditSchema>;

/** count, mean (stars), 10-bucket histogram (index 0 = half a star … 9 = five stars), weighted (Bayesian, stars). */
export const RatingStatsSchema = z.object({
  count: z.number().int().min(0),
  mean: z.number().nullable(),
  histogram: z.array(z.number().int().min(0)),
  weighted: z.number().nullable(),
  /** While a surge of ratings from low-history accounts is looked at, `weighted` is held at its last stable value since this time. */
  heldSince: z.string().nullable().optional(),
});
export type RatingStats = z.infer<typeof RatingStatsSchema>;

export const AlbumSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  artistCredit: z.string(),
  releaseYear: z.number().int().nullable(),
  type: AlbumTypeSchema,
  coverUrl: z.string().nullable(),
  genres: z.array(z.string()),
});
export type AlbumSummary = z.infer<typeof AlbumSummarySchema>;

export const AlbumDetailSchema = AlbumSummarySchema.extend({
  credits: z.array(ArtistCreditSchema),
  releaseDate: z.string().nullable(),
  releaseDatePrecision: DatePrecisionSchema.nullable(),
  styles: z.array(z.string()),
  label: z.string().nullable(),
  catalogNumber: z.string().nullable(),
  country: z.string().nullable(),
  upc: z.string().nullable(),
  spotifyId: z.string().nullable(),
  appleId: z.string().nullable(),
  discogsId: z.string().nullable(),
});
export type AlbumDetail = z.infer<typeof AlbumDetailSchema>;

export const TrackViewSchema = z.object({
  id: z.string(),
  disc: z.number().int(),
  position: z.number().int(),
  positionLabel: z.string().nullable(),
  title: z.string(),
  artistCredit: z.string(),
  durationMs: z.number().int().nullable(),
  isrc: z.string().nullable(),
  stats: z.object({ count: z.number().int().min(0), mean: z.number().nullable() }),
  /** The signed-in viewer's rating in stars, or null. */
  viewerRating: z.number().nullable(),
});
export type TrackView = z.infer<typeof TrackViewSchema>;

export const UserSummarySchema = z.object({ id: z.string(), handle: z.string(), displayName: z.string() });
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const ArtistSummarySchema = z.object({ id: z.string(), name: z.string(), albumCount: z.number().int().min(0) });
export type ArtistSummary = z.infer<typeof ArtistSummarySchema>;

export const ArtistPageSchema = z.object({
  artist: ArtistSummarySchema,
  albums: z.array(AlbumSummarySchema.extend({ stats: RatingStatsSchema })),
});
export type ArtistPage = z.infer<typeof ArtistPageSchema>;
