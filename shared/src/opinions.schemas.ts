import { z } from 'zod';
import { AlbumSummarySchema } from './catalog.schemas';
import { StarsValueSchema } from './stars.schemas';

/** Where a point of a rating timeline came from: a diary listen with a rating, or a rating given without one. */
export const TimelinePointSourceSchema = z.enum(['diary', 'rating']);
export type TimelinePointSource = z.infer<typeof TimelinePointSourceSchema>;

/** One rating of the viewer's timeline of an album, oldest first. */
export const RatingTimelinePointSchema = z.object({
  /** The day of the listen (diary) or of the rating (YYYY-MM-DD). */
  on: z.string(),
  /** Stars. */
  rating: StarsValueSchema,
  source: TimelinePointSourceSchema,
  /** 1 for the first listen, then 2, 3… */
  listenNumber: z.number().int().min(1),
  /** The review written with this listen, if any. */
  reviewId: z.string().nullable(),
});
export type RatingTimelinePoint = z.infer<typeof RatingTimelinePointSchema>;

/** `GET /api/albums/:id/my-timeline`: the viewer's own ratings of the album over time. */
export const RatingTimelineSchema = z.object({
  albumId: z.string(),
  points: z.array(RatingTimelinePointSchema),
  /** The latest point's stars minus the first's; null with fewer than two points. */
  change: z.number().nullable(),
});
export type RatingTimeline = z.infer<typeof RatingTimelineSchema>;

/** One album whose rating moved between a user's first and latest rating of it. */
export const OpinionChangeSchema = z.object({
  album: AlbumSummarySchema,
  /** Stars first given. */
  first: StarsValueSchema,
  /** Stars now (the current rating). */
  latest: StarsValueSchema,
  /** latest − first, in stars. */
  change: z.number(),
  /** How many ratings the user gave the album (at least two). */
  ratings: z.number().int().min(2),
});
export type OpinionChange = z.infer<typeof OpinionChangeSchema>;

/** `GET /api/users/:handle/opinion-changes`: the largest rises (growers) and falls (faders). */
export const OpinionChangesSchema = z.object({
  growers: z.array(OpinionChangeSchema),
  faders: z.array(OpinionChangeSchema),
});
export type OpinionChanges = z.infer<typeof OpinionChangesSchema>;

/** How many growers and faders My Muse lists of each. */
export const OPINION_CHANGES_LIMIT = 5;
