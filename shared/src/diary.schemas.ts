import { z } from 'zod';
import { pageQuery } from './pagination.schemas';
import type { AlbumSummary } from './catalog.schemas';
import { IdSchema } from './catalog.schemas';
import { REVIEW_BODY_MAX } from './limits';
import { ListenedOnSchema, StarsSchema } from './stars.schemas';
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

export interface DiaryEntryView {
  id: string;
  album: AlbumSummary;
  listenedOn: string;
  rating: number | null;
  isRelisten: boolean;
  reviewId: string | null;
  createdAt: string;
}

// Re-exported so the comment limit is imported from one place by forms.
