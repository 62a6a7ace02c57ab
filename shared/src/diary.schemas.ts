import { z } from 'zod';
import { pageOf, pageQuery } from './pagination.schemas';
import { AlbumSummarySchema, IdSchema } from './catalog.schemas';
import { REVIEW_BODY_MAX } from './limits';
import { ListenedOnSchema, StarsSchema, StarsValueSchema } from './stars.schemas';
import { VisibilitySchema } from './social.schemas';
import { userText } from './text.schemas';

export const DiaryEntryCreateSchema = z.object({
  albumId: IdSchema,
  listenedOn: ListenedOnSchema,
  rating: StarsSchema.nullable().optional(),
  isRelisten: z.boolean({ error: 'isRelisten must be true or false' }).default(false),
  /** Optional review written with the entry. */
  review: userText('Review text')
    .max(REVIEW_BODY_MAX, `Review text must be at most ${REVIEW_BODY_MAX.toLocaleString('en')} characters`)
    .optional()
    .transform((s) => (s && s.trim() ? s : undefined)),
  /** Who sees this in feeds; the author's default visibility when absent. */
  visibility: VisibilitySchema.optional(),
});
export type DiaryEntryCreateInput = z.infer<typeof DiaryEntryCreateSchema>;

export const DiaryListQuerySchema = pageQuery({ default: 30, max: 100 });
export type DiaryListQuery = z.infer<typeof DiaryListQuerySchema>;

/** One logged listen of an album. */
export const DiaryEntryViewSchema = z.object({
  id: z.string(),
  album: AlbumSummarySchema,
  /** The day of the listen (YYYY-MM-DD). */
  listenedOn: z.string(),
  /** Stars given with the listen, or null. */
  rating: StarsValueSchema.nullable(),
  isRelisten: z.boolean(),
  /** The review written with the listen, if any. */
  reviewId: z.string().nullable(),
  createdAt: z.string(),
});
export type DiaryEntryView = z.infer<typeof DiaryEntryViewSchema>;

/** `GET /api/users/:handle/diary`: a page of a user's listens. */
export const DiaryPageSchema = pageOf(DiaryEntryViewSchema);
