import type { ConversionReportRow, MatchOutcome } from '@muse/shared';

/** Rows per stored chunk: a batch of a conversion rewrites the chunk(s) it touches, never the whole report. */
export const REPORT_CHUNK_ROWS = 100;

/** The chunk a row lives in. */
export const chunkOf = (index: number): number => Math.floor(index / REPORT_CHUNK_ROWS);

export interface ReportRowsQuery {
  /** Rows with an index greater than this (for paging); from the start when absent. */
  afterIndex?: number;
  /** At most this many rows (1-500; outside values are brought within). */
  limit: number;
  outcome?: MatchOutcome;
}

/**
 * Conversion reports: one row per source track, keyed by (conversion id, row index). Writing a
 * row that is already there replaces it, so a batch written again after a crash leaves the same
 * report. Rows are stored in chunks of `REPORT_CHUNK_ROWS`, so a 10,000-row report is never
 * rewritten (or read) whole for one batch.
 */
export interface ConversionReportRepository {
  /** Writes (or replaces) rows of the owner's report; all rows of one chunk are one atomic write. */
  putRows(conversionId: string, ownerId: string, rows: ConversionReportRow[]): Promise<void>;
  /** One row, or null when there is none at that index. */
  getRow(conversionId: string, index: number): Promise<ConversionReportRow | null>;
  /** Rows in index order after `afterIndex`, optionally of one outcome. */
  listRows(conversionId: string, query: ReportRowsQuery): Promise<ConversionReportRow[]>;
  /** Forgets a report (its conversion was deleted); answers whether there was one. */
  deleteReport(conversionId: string): Promise<boolean>;
  /** Account deletion: every report of the owner goes. Answers how many chunks were removed. */
  deleteByOwner(ownerId: string): Promise<number>;
}

/** Brings a page size within 1-500. */
export function reportLimit(limit: number): number {
  return Math.max(1, Math.min(500, Math.floor(limit) || 1));
}

/** Groups rows by chunk, each chunk's rows keyed by their index as text. */
export function rowsByChunk(rows: ConversionReportRow[]): Map<number, Record<string, ConversionReportRow>> {
  const chunks = new Map<number, Record<string, ConversionReportRow>>();
  for (const row of rows) {
    if (!Number.isInteger(row.index) || row.index < 0) throw new RangeError(`A report row index must be a whole number >= 0, not ${row.index}`);
    const chunk = chunkOf(row.index);
    let byIndex = chunks.get(chunk);
    if (!byIndex) chunks.set(chunk, (byIndex = {}));
    byIndex[String(row.index)] = row;
  }
  return chunks;
}

/** The rows of one chunk in index order, after `afterIndex` and of the outcome asked. */
export function chunkRowsInOrder(byIndex: Record<string, ConversionReportRow>, query: Pick<ReportRowsQuery, 'afterIndex' | 'outcome'>): ConversionReportRow[] {
  return Object.values(byIndex)
    .filter((r) => (query.afterIndex === undefined || r.index > query.afterIndex) && (!query.outcome || r.outcome === query.outcome))
    .sort((a, b) => a.index - b.index);
}
