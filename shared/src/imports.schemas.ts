import { z } from 'zod';
import { AlbumSummarySchema } from './catalog.schemas';
import { StarsValueSchema } from './stars.schemas';
import { hasNoNul } from './text.schemas';
import { IMPORT_CSV_MAX_BYTES } from './limits';

/**
 * Where a CSV comes from: a Letterboxd-style diary, a Rate Your Music export, a Letterboxd
 * watchlist (`watchlist.csv`: Date, Name, Year, Letterboxd URI), whose rows go to Listen later,
 * or the `reviews.csv` of a Muse export (album and track reviews).
 */
export const ImportSourceSchema = z.enum(['letterboxd', 'rym', 'letterboxd-watchlist', 'muse-reviews']);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

export const ImportCreateSchema = z.object({
  source: ImportSourceSchema,
  csv: z
    .string({ error: 'CSV text is required' })
    .min(1, 'The file is empty')
    .max(IMPORT_CSV_MAX_BYTES, 'The file is larger than 5 MB')
    // A UTF-16 export read as UTF-8 is full of NULs; no CSV worth importing holds one.
    .refine(hasNoNul, 'The file contains NUL characters, so it is not a UTF-8 text CSV; export it again as UTF-8'),
});
export type ImportCreateInput = z.infer<typeof ImportCreateSchema>;

export const ImportStatusSchema = z.enum(['parsing', 'ready', 'applying', 'done', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

/** One row of an imported file as the review screen shows it (its review text stays on the server). */
export const ImportRowViewSchema = z.object({
  /** The row's line in the file. */
  line: z.number().int().min(1),
  artist: z.string(),
  title: z.string(),
  year: z.number().int().nullable(),
  /** The track a row of a Muse export reviews (null for an album). */
  trackTitle: z.string().nullable(),
  /** Stars, or null when the row has none. */
  rating: StarsValueSchema.nullable(),
  listenedOn: z.string().nullable(),
  isRelisten: z.boolean(),
  hasReview: z.boolean(),
  status: z.enum(['matched', 'unmatched', 'invalid']),
  /** Why a row is unmatched or invalid. */
  reason: z.string().nullable(),
  /** The catalog album a matched row points at. */
  match: AlbumSummarySchema.nullable(),
});
export type ImportRowView = z.infer<typeof ImportRowViewSchema>;

/** What an import's applied rows wrote. */
export const ImportedCountsSchema = z.object({
  ratings: z.number().int().min(0),
  reviews: z.number().int().min(0),
  diaryEntries: z.number().int().min(0),
  /** Albums a watchlist import put on the Listen later queue (0 for diary imports). */
  listenLater: z.number().int().min(0),
});
export type ImportedCounts = z.infer<typeof ImportedCountsSchema>;

/** An import without its rows, as `GET /api/imports` lists them (newest first). */
export const ImportSummarySchema = z.object({
  id: z.string(),
  source: ImportSourceSchema,
  status: ImportStatusSchema,
  processed: z.number().int().min(0),
  total: z.number().int().min(0),
  matched: z.number().int().min(0),
  unmatched: z.number().int().min(0),
  invalid: z.number().int().min(0),
  applied: z.number().int().min(0),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** One import with every row (`POST /api/imports`, `GET /api/imports/:id`, its confirmation). */
export const ImportViewSchema = ImportSummarySchema.extend({
  /**
   * What the applied rows wrote, once the import is done (else null): a row writes a rating when it has
   * one, a review when it has text, and a diary entry only when it has a date.
   */
  imported: ImportedCountsSchema.nullable(),
  rows: z.array(ImportRowViewSchema),
});
export type ImportView = z.infer<typeof ImportViewSchema>;

export const ImportConfirmSchema = z.object({
  /** Lines to skip even though they matched. */
  skipLines: z.array(z.number().int().min(1)).max(100_000).default([]),
});
export type ImportConfirmInput = z.infer<typeof ImportConfirmSchema>;

/** Rows one import may hold; a longer file is refused as a whole. */
export const IMPORT_MAX_ROWS = 50_000;

/** `GET /api/imports`: the user's latest imports. */
export const ImportListSchema = z.object({ items: z.array(ImportSummarySchema) });
export type ImportList = z.infer<typeof ImportListSchema>;
