import { z } from 'zod';
import { pageOf, pageQuery } from './pagination.schemas';
import { AlbumSummarySchema } from './catalog.schemas';

/** Whose ratings an album aggregate view counts. `everyone` is the weighted default. */
export const AggregateViewSchema = z.enum(['everyone', 'established', 'following', 'taste'], {
  error: 'view must be one of everyone, established, following, taste',
});
export type AggregateView = z.infer<typeof AggregateViewSchema>;

/** GET /api/albums/:id/aggregate?view=… */
export const AlbumAggregateQuerySchema = z.object({ view: AggregateViewSchema.default('everyone') });
export type AlbumAggregateQuery = z.infer<typeof AlbumAggregateQuerySchema>;

/** `GET /api/albums/:id/aggregate`: one view of an album's aggregate: its count, histogram (index 0 = half a star … 9 = five stars), mean and score. */
export const AlbumAggregateSchema = z.object({
  view: AggregateViewSchema,
  count: z.number().int().min(0),
  histogram: z.array(z.number().int().min(0)),
  mean: z.number().nullable(),
  /** Everyone: the published weighted score; the other views: their plain Bayesian average. */
  weighted: z.number().nullable(),
  /** When the weighted score is held at its last stable value (everyone only), since when. */
  heldSince: z.string().nullable(),
  /** The views that compute on request read at most this many raters (following, taste); null otherwise. */
  sampleLimit: z.number().int().min(1).nullable(),
  /** Before the release date with the embargo on: the aggregate is hidden until this date. */
  embargoedUntil: z.string().nullable(),
});
export type AlbumAggregate = z.infer<typeof AlbumAggregateSchema>;

/** What moderators decide about a held album: release it as it is, or confirm the brigade (its ratings lose their weight). */
export const HoldDecisionSchema = z.object({ decision: z.enum(['release', 'confirm'], { error: 'decision must be release or confirm' }) });
export type HoldDecisionInput = z.infer<typeof HoldDecisionSchema>;

/** GET /api/admin/aggregate-holds: albums whose weighted score is held, oldest hold first. */
export const AggregateHoldListQuerySchema = pageQuery({ default: 50, max: 100 });
export type AggregateHoldListQuery = z.infer<typeof AggregateHoldListQuerySchema>;

/** A held album as moderators see it. */
export const AggregateHoldViewSchema = z.object({
  album: AlbumSummarySchema,
  heldSince: z.string(),
  /** The score shown while held (from the stable sums) and the one the current ratings would give. */
  heldScore: z.number().nullable(),
  liveScore: z.number().nullable(),
  /** Ratings from low-history accounts since the surge rule last looked, and their mean in stars. */
  lowHistoryCount: z.number().int().min(0),
  lowHistoryMean: z.number().nullable(),
});
export type AggregateHoldView = z.infer<typeof AggregateHoldViewSchema>;

/** `GET /api/admin/aggregate-holds`: a page of held albums. */
export const AggregateHoldPageSchema = pageOf(AggregateHoldViewSchema);
export type AggregateHoldPage = z.infer<typeof AggregateHoldPageSchema>;

/** GET /api/moderation-log: the public log, newest first. */
export const ModerationLogQuerySchema = pageQuery({ default: 50, max: 100 });
export type ModerationLogQuery = z.infer<typeof ModerationLogQuerySchema>;

/** What a log entry records: a hold put on, a hold released, a brigade confirmed. */
export const ModerationLogActionSchema = z.enum(['hold', 'release', 'confirm']);
export type ModerationLogAction = z.infer<typeof ModerationLogActionSchema>;

/** One public log entry: what happened to which album's score, when and why; never who rated. */
export const ModerationLogEntrySchema = z.object({
  id: z.string(),
  action: ModerationLogActionSchema,
  album: AlbumSummarySchema,
  /** "the surge rule" for automatic holds, "a moderator" otherwise: moderators' identities are not published. */
  by: z.enum(['rule', 'moderator']),
  /** Counts behind the entry: low-history ratings seen (hold) or discounted (confirm). */
  ratings: z.number().int().min(0).nullable(),
  /** The low-history ratings' mean in stars (hold). */
  mean: z.number().nullable(),
  createdAt: z.string(),
});
export type ModerationLogEntry = z.infer<typeof ModerationLogEntrySchema>;

/** `GET /api/moderation-log`: a page of the public log. */
export const ModerationLogPageSchema = pageOf(ModerationLogEntrySchema);
export type ModerationLogPage = z.infer<typeof ModerationLogPageSchema>;
