import { z } from 'zod';
import { AlbumSummarySchema, TrackViewSchema } from './catalog.schemas';

/** GET /api/tracks/:id: a track with its album, its aggregate and the viewer's rating and newest review. */
export const TrackPageSchema = z.object({
  track: TrackViewSchema,
  album: AlbumSummarySchema,
  /** Null when signed out. */
  viewer: z.object({ reviewId: z.string().nullable() }).nullable(),
});
export type TrackPage = z.infer<typeof TrackPageSchema>;
