import { z } from 'zod';
import { AlbumSummarySchema, IdSchema, UserSummarySchema } from './catalog.schemas';
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
export const RecommendationReasonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rated'),
    text: z.string(),
    item: z.object({ kind: z.enum(['album', 'track']), id: z.string(), title: z.string() }),
    /** The viewer's rating of `item`, in stars. */
    rating: z.number(),
  }),
  z.object({ kind: z.literal('followees'), text: z.string(), count: z.number().int().min(1) }),
  z.object({ kind: z.literal('similar'), text: z.string() }),
  z.object({ kind: z.literal('popular'), text: z.string() }),
]);
export type RecommendationReason = z.infer<typeof RecommendationReasonSchema>;

/** A recommended track with its album. */
export const RecommendedTrackSchema = z.object({
  id: z.string(),
  title: z.string(),
  artistCredit: z.string(),
  album: AlbumSummarySchema,
});
export type RecommendedTrack = z.infer<typeof RecommendedTrackSchema>;

/** One recommended album or track, with why. */
export const RecommendationSchema = z.object({
  kind: z.enum(['album', 'track']),
  album: AlbumSummarySchema,
  /** Set when `kind` is `track`. */
  track: RecommendedTrackSchema.nullable(),
  reasons: z.array(RecommendationReasonSchema),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** `GET /api/recommendations` answer. */
export const RecommendationPageSchema = z.object({
  items: z.array(RecommendationSchema),
  nextCursor: z.string().nullable(),
  /** When the list was computed (null for a list computed on this request). */
  computedAt: z.string().nullable(),
});
export type RecommendationPage = z.infer<typeof RecommendationPageSchema>;

/** `GET /api/albums/:id/similar`. */
export const SimilarAlbumsSchema = z.object({ items: z.array(AlbumSummarySchema) });
export type SimilarAlbums = z.infer<typeof SimilarAlbumsSchema>;

/** `GET /api/users/me/follow-suggestions`: people whose ratings agree with the viewer's. */
export const FollowSuggestionSchema = z.object({
  user: UserSummarySchema,
  /** Albums both rated. */
  sharedCount: z.number().int().min(0),
  /** 0..100, from the mean difference of the shared ratings. */
  compatibility: z.number().int(),
});
export type FollowSuggestion = z.infer<typeof FollowSuggestionSchema>;

/** `GET /api/users/me/follow-suggestions` answer, best agreement first. */
export const FollowSuggestionsSchema = z.object({ items: z.array(FollowSuggestionSchema) });
export type FollowSuggestions = z.infer<typeof FollowSuggestionsSchema>;
