import { z } from 'zod';
import { pageOf, pageQuery } from './pagination.schemas';
import { AlbumSummarySchema, UserSummarySchema } from './catalog.schemas';
import { ListenedOnSchema, StarsSchema, StarsValueSchema } from './stars.schemas';
import { VisibilitySchema } from './social.schemas';
import { userText } from './text.schemas';
import { COMMENT_BODY_MAX, REVIEW_BODY_MAX } from './limits';

const ReviewBodySchema = userText('Review text', { error: 'Review text is required' })
  .refine((s) => s.trim().length > 0, 'Review text is required')
  .refine((s) => s.length <= REVIEW_BODY_MAX, `Review text must be at most ${REVIEW_BODY_MAX.toLocaleString('en')} characters`);

export const ReviewCreateSchema = z.object({
  body: ReviewBodySchema,
  rating: StarsSchema.nullable().optional(),
  listenedOn: ListenedOnSchema.nullable().optional(),
  isRelisten: z.boolean({ error: 'isRelisten must be true or false' }).default(false),
  /** Who sees this in feeds; the author's default visibility when absent. */
  visibility: VisibilitySchema.optional(),
});
export type ReviewCreateInput = z.infer<typeof ReviewCreateSchema>;

export const ReviewUpdateSchema = z
  .object({
    body: ReviewBodySchema.optional(),
    rating: StarsSchema.nullable().optional(),
    listenedOn: ListenedOnSchema.nullable().optional(),
    isRelisten: z.boolean().optional(),
    /** Who may see it from now on (feeds and lists read it when they show the review). */
    visibility: VisibilitySchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type ReviewUpdateInput = z.infer<typeof ReviewUpdateSchema>;

export const ReviewListQuerySchema = pageQuery({ default: 10, max: 50 }).extend({
  sort: z.enum(['popular', 'recent']).default('popular'),
});
export type ReviewListQuery = z.infer<typeof ReviewListQuerySchema>;

export const CommentCreateSchema = z.object({
  body: userText('Comment', { error: 'Comment text is required' })
    .refine((s) => s.trim().length > 0, 'Comment text is required')
    .refine((s) => s.length <= COMMENT_BODY_MAX, `Comment must be at most ${COMMENT_BODY_MAX.toLocaleString('en')} characters`),
});
export type CommentCreateInput = z.infer<typeof CommentCreateSchema>;

/** The track a track review is about (its album is the review's `album`). */
export const ReviewTrackRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  artistCredit: z.string(),
});
export type ReviewTrackRef = z.infer<typeof ReviewTrackRefSchema>;

/** A review card, as lists, feeds and the album page show it. */
export const ReviewViewSchema = z.object({
  id: z.string(),
  /** The album reviewed, or the album of the track reviewed. */
  album: AlbumSummarySchema,
  /** The track reviewed; null for a review of the whole album. */
  track: ReviewTrackRefSchema.nullable(),
  author: UserSummarySchema,
  body: z.string(),
  /** Stars, or null when the review carries no rating. */
  rating: StarsValueSchema.nullable(),
  /** The day of the listen (YYYY-MM-DD), or null. */
  listenedOn: z.string().nullable(),
  isRelisten: z.boolean(),
  /** Who may see it: everyone, the author's followers, or the author alone. */
  visibility: VisibilitySchema,
  /**
   * Album reviews: 1 for a first impression, N for a review written after N listens (from the
   * author's diary; only the count is shown). Null for track reviews.
   */
  listenNumber: z.number().int().min(1).nullable(),
  likeCount: z.number().int().min(0),
  commentCount: z.number().int().min(0),
  likedByViewer: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;

/** A comment on a review. */
export const CommentViewSchema = z.object({
  id: z.string(),
  reviewId: z.string(),
  author: UserSummarySchema,
  body: z.string(),
  createdAt: z.string(),
  /** Whether the viewer may delete it (its author, or the review's author). */
  canDelete: z.boolean(),
});
export type CommentView = z.infer<typeof CommentViewSchema>;

/** A page of reviews (an album's, a track's or a user's). */
export const ReviewPageSchema = pageOf(ReviewViewSchema);

/** `GET /api/reviews/:id/comments`: a page of a review's comments, oldest first. */
export const CommentPageSchema = pageOf(CommentViewSchema);

/** GET /api/users/:handle/reviews: like the album list, but newest first unless asked. */
export const UserReviewListQuerySchema = ReviewListQuerySchema.extend({
  sort: z.enum(['popular', 'recent']).default('recent'),
});
export type UserReviewListQuery = z.infer<typeof UserReviewListQuerySchema>;

/** GET /api/reviews/:id/comments: oldest first. */
export const CommentListQuerySchema = pageQuery({ default: 50, max: 100 });
export type CommentListQuery = z.infer<typeof CommentListQuerySchema>;

/** GET /api/reviews/:id: the review with the first page of its comments. */
export const ReviewDetailSchema = ReviewViewSchema.extend({ comments: CommentPageSchema });
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;

/** Answer of PUT and DELETE /api/reviews/:id/like. */
export const ReviewLikeResultSchema = z.object({ liked: z.boolean(), likeCount: z.number().int().min(0) });
export type ReviewLikeResult = z.infer<typeof ReviewLikeResultSchema>;
