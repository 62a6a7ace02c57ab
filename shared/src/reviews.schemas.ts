import { z } from 'zod';
import { pageQuery, type Page } from './pagination.schemas';
import type { AlbumSummary, UserSummary } from './catalog.schemas';
import { ListenedOnSchema, StarsSchema } from './stars.schemas';
import { VisibilitySchema, type Visibility } from './social.schemas';
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
export interface ReviewTrackRef {
  id: string;
  title: string;
  artistCredit: string;
}

export interface ReviewView {
  id: string;
  /** The album reviewed, or the album of the track reviewed. */
  album: AlbumSummary;
  /** The track reviewed; null for a review of the whole album. */
  track: ReviewTrackRef | null;
  author: UserSummary;
  body: string;
  /** Stars, or null when the review carries no rating. */
  rating: number | null;
  listenedOn: string | null;
  isRelisten: boolean;
  /** Who may see it: everyone, the author's followers, or the author alone. */
  visibility: Visibility;
  /**
   * Album reviews: 1 for a first impression, N for a review written after N listens (from the
   * author's diary; only the count is shown). Null or absent for track reviews.
   */
  listenNumber?: number | null;
  likeCount: number;
  commentCount: number;
  likedByViewer: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CommentView {
  id: string;
  reviewId: string;
  author: UserSummary;
  body: string;
  createdAt: string;
  /** Whether the viewer may delete it (its author, or the review's author). */
  canDelete: boolean;
}

/** GET /api/users/:handle/reviews: like the album list, but newest first unless asked. */
export const UserReviewListQuerySchema = ReviewListQuerySchema.extend({
  sort: z.enum(['popular', 'recent']).default('recent'),
});
export type UserReviewListQuery = z.infer<typeof UserReviewListQuerySchema>;

/** GET /api/reviews/:id/comments: oldest first. */
export const CommentListQuerySchema = pageQuery({ default: 50, max: 100 });
export type CommentListQuery = z.infer<typeof CommentListQuerySchema>;

/** GET /api/reviews/:id: the review with the first page of its comments. */
export interface ReviewDetail extends ReviewView {
  comments: Page<CommentView>;
}

/** Answer of PUT and DELETE /api/reviews/:id/like. */
export interface ReviewLikeResult {
  liked: boolean;
  likeCount: number;
}
