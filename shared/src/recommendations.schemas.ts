import { z } from 'zod';
import { IdSchema, type AlbumSummary, type UserSummary } from './catalog.schemas';
import { userText } from './text.schemas';

/** `GET /api/recommendations`: the signed-in user's picks, albums or tracks, optionally one genre or decade. */
export const RecommendationQuerySchema = z.object({
  kind: z.enum(['albums', 'tracks']).default('albums'),
  genre: userText('Genre').trim().min(1).max(100).optional(),
  decade: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2100)
    .refine((d) => d % 10 === 0, 'A decade is a year ending in 0, such as 1990')
    .optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type RecommendationQuery = z.infer<typeof RecommendationQuerySchema>;

/** `POST /api/recommendations/dismiss`: "not interested" in one album or one track. */
export const RecommendationDismissSchema = z.union([z.object({ albumId: IdSchema }).strict(), z.object({ trackId: IdSchema }).strict()], {
  error: 'Give either albumId or trackId',
});
export type RecommendationDismissInput = z.infer<typeof RecommendationDismissSchema>;

/**
 * Why an item is recommended: one of the viewer's own ratings, people the viewer follows (only
 * those whose ratings the viewer may see are counted), resemblance to what they like, or what
 * many people like (new accounts).
 */
export type RecommendationReason =
  | { kind: 'rated'; text: string; item: { kind: 'album' | 'track'; id: string; title: string }; rating: number }
  | { kind: 'followees'; text: string; count: number }
  | { kind: 'similar'; text: string }
  | { kind: 'popular'; text: string };

export interface RecommendedTrack {
  id: string;
  title: string;
  artistCredit: string;
  album: AlbumSummary;
}

export interface Recommendation {
  kind: 'album' | 'track';
  album: AlbumSummary;
  /** Set when `kind` is `track`. */
  track: RecommendedTrack | null;
  reasons: RecommendationReason[];
}

export interface RecommendationPage {
  items: Recommendation[];
  nextCursor: string | null;
  /** When the list was computed (null for a list computed on this request). */
  computedAt: string | null;
}

/** `GET /api/albums/:id/similar`. */
export interface SimilarAlbums {
  items: AlbumSummary[];
}

/** `GET /api/users/me/follow-suggestions`: people whose ratings agree with the viewer's. */
export interface FollowSuggestion {
  user: UserSummary;
  /** Albums both rated. */
  sharedCount: number;
  /** 0..100, from the mean difference of the shared ratings. */
  compatibility: number;
}

export interface FollowSuggestions {
  items: FollowSuggestion[];
}
