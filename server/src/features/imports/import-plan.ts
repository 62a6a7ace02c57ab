import type { ImportedCounts, ImportSource } from '@muse/shared';
import type { StoredRow } from './imports.repo';

/** One step of applying an import: a matched row and its index in the stored rows. */
export interface ApplyStep {
  index: number;
  row: StoredRow & { albumId: string };
}

/**
 * The order in which an import is applied: matched rows not skipped, undated ones first, then
 * by listening date, then by line, so the latest listen's rating ends up current and earlier
 * ones go to the history. Deterministic, so a resumed job continues the same sequence.
 */
export function applyPlan(rows: StoredRow[], skipLines: readonly number[]): ApplyStep[] {
  const skip = new Set(skipLines);
  return rows
    .map((row, index) => ({ index, row }))
    .filter((s): s is ApplyStep => s.row.status === 'matched' && s.row.albumId !== null && !skip.has(s.row.line))
    .sort((a, b) => (a.row.listenedOn ?? '').localeCompare(b.row.listenedOn ?? '') || a.row.line - b.row.line);
}

/**
 * What applying the plan writes: ratings, reviews, and diary entries for the dated rows only;
 * a watchlist writes only Listen later rows, as many as were applied (a full queue takes no more).
 */
export function importedCounts(plan: readonly ApplyStep[], source: ImportSource, applied: number): ImportedCounts {
  if (source === 'letterboxd-watchlist') return { ratings: 0, reviews: 0, diaryEntries: 0, listenLater: applied };
  const count = (has: (row: StoredRow) => boolean) => plan.filter((s) => has(s.row)).length;
  return {
    ratings: count((r) => r.rating !== null),
    reviews: count((r) => r.review !== null),
    // A track review keeps its date to itself: the diary logs albums.
    diaryEntries: count((r) => r.listenedOn !== null && !r.trackId),
    listenLater: 0,
  };
}
