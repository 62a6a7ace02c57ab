import type { AlbumSummary, ImportRowView, ImportSummary, ImportView } from '@muse/shared';
import { applyPlan, importedCounts } from './import-plan';
import type { ImportRow, StoredRow } from './imports.repo';

/** An import's state and counts, without its rows. */
export function presentImportSummary(row: ImportRow): ImportSummary {
  return {
    id: String(row.id),
    source: row.source,
    status: row.status,
    processed: row.processed,
    total: row.total,
    matched: row.matched,
    unmatched: row.unmatched,
    invalid: row.invalid,
    applied: row.applied,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** One row as the review screen shows it: the review text stays on the server, only its presence is told. */
export function presentImportRow(row: StoredRow, albums: Map<string, AlbumSummary>): ImportRowView {
  return {
    line: row.line,
    artist: row.artist,
    title: row.title,
    year: row.year,
    trackTitle: row.trackTitle ?? null,
    rating: row.rating,
    listenedOn: row.listenedOn,
    isRelisten: row.isRelisten,
    hasReview: row.review !== null,
    status: row.status,
    reason: row.reason,
    match: row.status === 'matched' && row.albumId ? (albums.get(row.albumId) ?? null) : null,
  };
}

/** An import with every row and the album each matched row points at; once done, what it wrote. */
export function presentImport(row: ImportRow, rows: StoredRow[], albums: Map<string, AlbumSummary>): ImportView {
  const imported = row.status === 'done' ? importedCounts(applyPlan(rows, row.skip_lines), row.source, row.applied) : null;
  return { ...presentImportSummary(row), imported, rows: rows.map((r) => presentImportRow(r, albums)) };
}
