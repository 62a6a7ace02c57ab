import { z } from 'zod';
import type { AlbumSummary } from './catalog.schemas';
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

export interface ImportRowView {
  line: number;
  artist: string;
  title: string;
  year: number | null;
  /** The track a row of a Muse export reviews (null for an album). */
  trackTitle?: string | null;
  rating: number | null;
  listenedOn: string | null;
  isRelisten: boolean;
  hasReview: boolean;
  status: 'matched' | 'unmatched' | 'invalid';
  reason: string | null;
  match: AlbumSummary | null;
}

export interface ImportView {
  id: string;
  source: ImportSource;
  status: ImportStatus;
  processed: number;
  total: number;
  matched: number;
  unmatched: number;
  invalid: number;
  applied: number;
  /**
   * What the applied rows wrote, once the import is done (else null): a row writes a rating when it has
   * one, a review when it has text, and a diary entry only when it has a date.
   */
  imported: ImportedCounts | null;
  error: string | null;
  rows: ImportRowView[];
  createdAt: string;
}

export interface ImportedCounts {
  ratings: number;
  reviews: number;
  diaryEntries: number;
  /** Albums a watchlist import put on the Listen later queue (0 for diary imports). */
  listenLater: number;
}

export const ImportConfirmSchema = z.object({
  /** Lines to skip even though they matched. */
  skipLines: z.array(z.number().int().min(1)).max(100_000).default([]),
});
export type ImportConfirmInput = z.infer<typeof ImportConfirmSchema>;

/** Rows one import may hold; a longer file is refused as a whole. */
export const IMPORT_MAX_ROWS = 50_000;

/** An import without its rows, as `GET /api/imports` lists them (newest first). */
export type ImportSummary = Omit<ImportView, 'rows' | 'imported'>;

export interface ImportList {
  items: ImportSummary[];
}
