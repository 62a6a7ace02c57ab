import { z } from 'zod';
import { pageQuery } from './pagination.schemas';
import type { AlbumSummary } from './catalog.schemas';

/** Whose ratings an album aggregate view counts. `everyone` is the weighted default. */
export const AggregateViewSchema = z.enum(['everyone', 'established', 'following', 'taste'], {
  error: 'view must be one of everyone, established, following, taste',
});
export type AggregateView = z.infer<typeof AggregateViewSchema>;

/** GET /api/albums/:id/aggregate?view=… */
export const AlbumAggregateQuerySchema = z.object({ view: AggregateViewSchema.default('everyone') });
export type AlbumAggregateQuery = z.infer<typeof AlbumAggregateQuerySchema>;

/** One view of an album's aggregate: its count, histogram (index 0 = half a star … 9 = five stars), mean and score. */
export interface AlbumAggregate {
  view: AggregateView;
  count: number;
  histogram: number[];
  mean: number | null;
  /** Everyone: the published weighted score; the other views: their plain Bayesian average. */
  weighted: number | null;
  /** When the weighted score is held at its last stable value (everyone only), since when. */
  heldSince: string | null;
  /** The views that compute on request read at most this many raters (following, taste); null otherwise. */
  sampleLimit: number | null;
  /** Before the release date with the embargo on: the aggregate is hidden until this date. */
  embargoedUntil: string | null;
}

/** What moderators decide about a held album: release it as it is, or confirm the brigade (its ratings lose their weight). */
export const HoldDecisionSchema = z.object({ decision: z.enum(['release', 'confirm'], { error: 'decision must be release or confirm' }) });
export type HoldDecisionInput = z.infer<typeof HoldDecisionSchema>;

/** GET /api/admin/aggregate-holds: albums whose weighted score is held, oldest hold first. */
export const AggregateHoldListQuerySchema = pageQuery({ default: 50, max: 100 });
export type AggregateHoldListQuery = z.infer<typeof AggregateHoldListQuerySchema>;

/** A held album as moderators see it. */
export interface AggregateHoldView {
  album: AlbumSummary;
  heldSince: string;
  /** The score shown while held (from the stable sums) and the one the current ratings would give. */
  heldScore: number | null;
  liveScore: number | null;
  /** Ratings from low-history accounts since the surge rule last looked, and their mean in stars. */
  lowHistoryCount: number;
  lowHistoryMean: number | null;
}

export interface AggregateHoldPage {
  items: AggregateHoldView[];
  nextCursor: string | null;
}

/** GET /api/moderation-log: the public log, newest first. */
export const ModerationLogQuerySchema = pageQuery({ default: 50, max: 100 });
export type ModerationLogQuery = z.infer<typeof ModerationLogQuerySchema>;

export type ModerationLogAction = 'hold' | 'release' | 'confirm';

/** One public log entry: what happened to which album's score, when and why; never who rated. */
export interface ModerationLogEntry {
  id: string;
  action: ModerationLogAction;
  album: AlbumSummary;
  /** "the surge rule" for automatic holds, "a moderator" otherwise: moderators' identities are not published. */
  by: 'rule' | 'moderator';
  /** Counts behind the entry: low-history ratings seen (hold) or discounted (confirm). */
  ratings: number | null;
  /** The low-history ratings' mean in stars (hold). */
  mean: number | null;
  createdAt: string;
}

export interface ModerationLogPage {
  items: ModerationLogEntry[];
  nextCursor: string | null;
}
