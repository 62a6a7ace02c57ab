import { z } from 'zod';
import type { AlbumDetail, RatingStats, TrackView, UserSummary } from './catalog.schemas';
import type { ReviewView } from './reviews.schemas';
import type { DiaryEntryView } from './diary.schemas';
import { StarsSchema } from './stars.schemas';

/** PUT /api/albums/:id/rating and /api/tracks/:id/rating. Strings such as "4.5" are refused. */
export const RatingInputSchema = z.object({ rating: StarsSchema });
export type RatingInput = z.infer<typeof RatingInputSchema>;

export interface RatingResult {
  /** The viewer's current rating in stars, or null after removal. */
  rating: number | null;
  stats: RatingStats;
}

export interface RatingHistoryEntry {
  rating: number;
  ratedAt: string;
  replacedAt: string;
}

/** Everything the album page shows, in one call. */
export interface AlbumPage {
  album: AlbumDetail;
  tracks: TrackView[];
  stats: RatingStats;
  viewer: {
    rating: number | null;
    ratingHistory: RatingHistoryEntry[];
    diary: DiaryEntryView[];
    reviewId: string | null;
  } | null;
  topReviews: ReviewView[];
  /** People the viewer follows who rated this album (filled once follows exist). */
  friends: { user: UserSummary; rating: number }[];
  /** With the pre-release embargo on, before the release date: `stats` is empty until this date. */
  embargoedUntil?: string | null;
}
