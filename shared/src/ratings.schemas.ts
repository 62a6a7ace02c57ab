import { z } from 'zod';
import { AlbumDetailSchema, RatingStatsSchema, TrackViewSchema, UserSummarySchema } from './catalog.schemas';
import { ReviewViewSchema } from './reviews.schemas';
import { DiaryEntryViewSchema } from './diary.schemas';
import { StarsSchema, StarsValueSchema } from './stars.schemas';

/** PUT /api/albums/:id/rating and /api/tracks/:id/rating. Strings such as "4.5" are refused. */
export const RatingInputSchema = z.object({ rating: StarsSchema });
export type RatingInput = z.infer<typeof RatingInputSchema>;

/** Answer of PUT and DELETE /api/albums/:id/rating and /api/tracks/:id/rating. */
export const RatingResultSchema = z.object({
  /** The viewer's current rating in stars, or null after removal. */
  rating: StarsValueSchema.nullable(),
  /** The item's fresh aggregate (empty while the pre-release embargo hides an album's). */
  stats: RatingStatsSchema,
});
export type RatingResult = z.infer<typeof RatingResultSchema>;

/** One of the viewer's earlier ratings of an album, which a relisten replaced. */
export const RatingHistoryEntrySchema = z.object({
  rating: StarsValueSchema,
  ratedAt: z.string(),
  replacedAt: z.string(),
});
export type RatingHistoryEntry = z.infer<typeof RatingHistoryEntrySchema>;

/** `GET /api/albums/:id`: everything the album page shows, in one call. */
export const AlbumPageSchema = z.object({
  album: AlbumDetailSchema,
  tracks: z.array(TrackViewSchema),
  stats: RatingStatsSchema,
  /** The signed-in viewer's own rating, earlier ratings, listens and newest review; null when signed out. */
  viewer: z
    .object({
      rating: StarsValueSchema.nullable(),
      ratingHistory: z.array(RatingHistoryEntrySchema),
      diary: z.array(DiaryEntryViewSchema),
      reviewId: z.string().nullable(),
    })
    .nullable(),
  topReviews: z.array(ReviewViewSchema),
  /** People the viewer follows who rated this album, with their stars (empty when signed out). */
  friends: z.array(z.object({ user: UserSummarySchema, rating: StarsValueSchema })),
  /** With the pre-release embargo on, before the release date: `stats` is empty until this date (YYYY-MM-DD); else null. */
  embargoedUntil: z.string().nullable(),
});
export type AlbumPage = z.infer<typeof AlbumPageSchema>;
