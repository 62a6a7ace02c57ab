import { z } from 'zod';
import { IdSchema } from './catalog.schemas';
import { PREVIEW_STATUS_MAX_IDS } from './limits';

/** Where a track's preview clip stands: stored and playable, not fetched yet (it may exist), or known to have none. */
export const PreviewStateSchema = z.enum(['ready', 'pending', 'none']);
export type PreviewState = z.infer<typeof PreviewStateSchema>;

/** Why a track has no preview, for the words the web shows instead of a dead play button. */
export const PreviewUnavailableReasonSchema = z.enum(['not_on_services', 'refused', 'fetch_failed', 'no_services']);
export type PreviewUnavailableReason = z.infer<typeof PreviewUnavailableReasonSchema>;

/** `GET /api/previews/status?trackIds=1,2,3`: comma-separated catalog track ids. */
export const PreviewStatusQuerySchema = z.object({
  trackIds: z
    .string()
    .max(PREVIEW_STATUS_MAX_IDS * 20)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(IdSchema).min(1, 'Give at least one track id').max(PREVIEW_STATUS_MAX_IDS, `At most ${PREVIEW_STATUS_MAX_IDS} track ids at a time`)),
});
export type PreviewStatusQuery = z.infer<typeof PreviewStatusQuerySchema>;

/** One track's preview state; `reason` only when the state is `none`. */
export const PreviewStatusSchema = z.object({
  trackId: IdSchema,
  state: PreviewStateSchema,
  reason: PreviewUnavailableReasonSchema.nullable(),
});
export type PreviewStatus = z.infer<typeof PreviewStatusSchema>;

/** The answer of the status request, in the order asked; unknown ids are left out. */
export const PreviewStatusesSchema = z.object({ previews: z.array(PreviewStatusSchema) });
export type PreviewStatuses = z.infer<typeof PreviewStatusesSchema>;

/** The 202 answer while a clip is being fetched: ask again after `retryAfterSeconds` (also in `Retry-After`). */
export const PreviewPendingSchema = z.object({
  trackId: IdSchema,
  state: z.literal('pending'),
  retryAfterSeconds: z.number().int().positive(),
});
export type PreviewPending = z.infer<typeof PreviewPendingSchema>;
