import { z } from 'zod';
import { pageOf, pageQuery } from './pagination.schemas';
import { ProviderNameSchema } from './connections.schemas';
import { PlaylistIdSchema, PlaylistTitleSchema } from './playlists.schemas';

/** Where a conversion writes: a new (or synced) playlist on Spotify, Apple Music, or in Muse. */
export const ConversionTargetSchema = z.enum(['spotify', 'apple', 'muse'], { error: 'target must be "spotify", "apple" or "muse"' });
export type ConversionTarget = z.infer<typeof ConversionTargetSchema>;

/** What is converted: a Muse playlist, a playlist on a connected service, or a pasted service URL. */
export const ConversionSourceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('muse'), playlistId: PlaylistIdSchema }).strict(),
    z
      .object({
        kind: z.literal('service'),
        provider: ProviderNameSchema,
        playlistId: z.string().trim().min(1, 'playlistId is required').max(200, 'playlistId is too long'),
      })
      .strict(),
    z.object({ kind: z.literal('url'), url: z.string().trim().min(1, 'url is required').max(2048, 'url is too long') }).strict(),
  ],
  { error: 'source.kind must be "muse", "service" or "url"' },
);
export type ConversionSource = z.infer<typeof ConversionSourceSchema>;

/**
 * `new` makes a new target playlist; `sync` appends to the playlist the last finished conversion of the
 * same source to the same target made, only what it lacks (409 `nothing_to_sync` when there is none).
 */
export const ConversionModeSchema = z.enum(['new', 'sync'], { error: 'mode must be "new" or "sync"' });
export type ConversionMode = z.infer<typeof ConversionModeSchema>;

export const ConversionCreateSchema = z
  .object({
    source: ConversionSourceSchema,
    target: ConversionTargetSchema,
    mode: ConversionModeSchema.default('new'),
    /** Name of a new target playlist; defaults to the source's title. Ignored by `sync`. */
    name: PlaylistTitleSchema.optional(),
  })
  .strict();
export type ConversionCreateInput = z.infer<typeof ConversionCreateSchema>;

export const ConversionStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type ConversionStatus = z.infer<typeof ConversionStatusSchema>;

/** What a running conversion is doing: reading the source, matching tracks, writing the target. */
export const ConversionPhaseSchema = z.enum(['reading', 'matching', 'writing', 'finished']);
export type ConversionPhase = z.infer<typeof ConversionPhaseSchema>;

/** Per-track outcomes. `skipped`: the source track cannot be converted (local file, unavailable, ...). */
export const MatchOutcomeSchema = z.enum(['matched', 'needs_review', 'not_found', 'skipped']);
export type MatchOutcome = z.infer<typeof MatchOutcomeSchema>;

/**
 * How a target track was found: ISRC lookup, text search, the user's remembered rule, a fix by
 * hand, or `known`: an earlier conversion's automatic verdict for the same service track (any
 * user's), reused without asking the service.
 */
export const ConversionMatchMethodSchema = z.enum(['isrc', 'search', 'rule', 'manual', 'known']);
export type ConversionMatchMethod = z.infer<typeof ConversionMatchMethodSchema>;

export const ConversionCountsSchema = z.object({
  total: z.number().int().min(0),
  /** Source tracks decided so far (any outcome). */
  processed: z.number().int().min(0),
  matched: z.number().int().min(0),
  needsReview: z.number().int().min(0),
  notFound: z.number().int().min(0),
  skipped: z.number().int().min(0),
  /** Target tracks written (appended) so far. */
  written: z.number().int().min(0),
});
export type ConversionCounts = z.infer<typeof ConversionCountsSchema>;

/** A live snapshot of a conversion, pushed as `conversion:progress` and part of `ConversionView`. */
export const ConversionProgressSchema = ConversionCountsSchema.extend({
  conversionId: z.string(),
  status: ConversionStatusSchema,
  phase: ConversionPhaseSchema,
  /** "Artist – Title" of the track being matched, when matching. */
  currentTrack: z.string().nullable(),
  /** While waiting out a service's rate limit: when the wait ends (ISO time), else null. */
  waitingUntil: z.string().nullable(),
});
export type ConversionProgress = z.infer<typeof ConversionProgressSchema>;

export const ConversionViewSchema = ConversionProgressSchema.extend({
  id: z.string(),
  /** What was converted; a pasted URL is stored as the service playlist it names. */
  source: z.object({
    kind: z.enum(['muse', 'service']),
    provider: ProviderNameSchema.nullable(),
    playlistId: z.string(),
    title: z.string().nullable(),
  }),
  target: ConversionTargetSchema,
  mode: ConversionModeSchema,
  name: z.string(),
  /** The playlist written to (Muse playlist id or the service's id) and where to open it. */
  targetPlaylist: z.object({ id: z.string(), url: z.string().nullable() }).nullable(),
  /** Provider calls made, and the fewest this playlist could need: pages to read + ISRC batches + write batches. */
  calls: z.object({ made: z.number().int().min(0), minimum: z.number().int().min(0) }),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ConversionView = z.infer<typeof ConversionViewSchema>;

/** `GET /api/conversions`: a page of the user's conversions, newest first. */
export const ConversionPageSchema = pageOf(ConversionViewSchema);

/** A track as a report shows it: what the matcher compares. */
const ReportTrackSchema = z.object({
  title: z.string(),
  artists: z.array(z.string()),
  album: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  isrc: z.string().nullable(),
  explicit: z.boolean().nullable(),
});

/** A target track offered for a source track. */
export const ConversionCandidateSchema = ReportTrackSchema.extend({
  id: z.string(),
  /** How sure the match is, 0 to 1. */
  confidence: z.number(),
  url: z.string().nullable(),
});
export type ConversionCandidate = z.infer<typeof ConversionCandidateSchema>;

/** `GET /api/conversions/:id/rows/:index/search`: target tracks found for a row being fixed, best first. */
export const ConversionCandidatesSchema = z.array(ConversionCandidateSchema);

/** One row of a conversion report: a source track and what became of it. */
export const ConversionReportRowSchema = z.object({
  /** Position of the source track in the source playlist (0-based); the row's id within the report. */
  index: z.number().int().min(0),
  source: ReportTrackSchema,
  outcome: MatchOutcomeSchema,
  /** Plain words: why it needs review, was not found or was skipped. */
  reason: z.string().nullable(),
  method: ConversionMatchMethodSchema.nullable(),
  confidence: z.number().nullable(),
  chosen: ConversionCandidateSchema.nullable(),
  /** Up to 5, best first. */
  alternatives: z.array(ConversionCandidateSchema),
  /** Whether the chosen track is in the target playlist. */
  written: z.boolean(),
  /** The user marked the track "not on this service": it is not offered again. */
  notOnService: z.boolean(),
});
export type ConversionReportRow = z.infer<typeof ConversionReportRowSchema>;

/** `GET /api/conversions/:id/report`: a page of the report's rows in source order. */
export const ConversionReportPageSchema = pageOf(ConversionReportRowSchema);

export const ConversionParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'conversion id is malformed') });
export const ConversionRowParamsSchema = ConversionParamsSchema.extend({
  index: z.coerce.number({ error: 'index must be a number' }).int('index must be a whole number').min(0).max(9_999),
});

export const ConversionListQuerySchema = pageQuery({ default: 20, max: 100 });
export type ConversionListQuery = z.infer<typeof ConversionListQuerySchema>;

export const ConversionReportQuerySchema = pageQuery({ default: 100, max: 500 }).extend({
  outcome: MatchOutcomeSchema.optional(),
});
export type ConversionReportQuery = z.infer<typeof ConversionReportQuerySchema>;

/** Fix a `needs_review` / `not_found` row: pick a target track (an alternative or a search hit), or say it is not on the service. */
export const ConversionFixSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('pick'), trackId: z.string().trim().min(1, 'trackId is required').max(200, 'trackId is too long') }).strict(),
    z.object({ action: z.literal('not_on_service') }).strict(),
  ],
  { error: 'action must be "pick" or "not_on_service"' },
);
export type ConversionFixInput = z.infer<typeof ConversionFixSchema>;

/** Search the target service for a row being fixed. */
export const ConversionSearchQuerySchema = z.object({ q: z.string().trim().min(1, 'q is required').max(200, 'q is too long') });
