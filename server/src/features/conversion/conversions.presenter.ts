import type { ConversionProgress, ConversionReportRow, ConversionView } from '@muse/shared';
import type { ConversionRow } from './conversions.repo';

/** A report row as the API shows it: the stored row without the source identity kept for rules. */
export function presentReportRow(row: ConversionReportRow & { sourceKey?: string }): ConversionReportRow {
  return {
    index: row.index,
    source: row.source,
    outcome: row.outcome,
    reason: row.reason,
    method: row.method,
    confidence: row.confidence,
    chosen: row.chosen,
    alternatives: row.alternatives,
    written: row.written,
    notOnService: row.notOnService,
  };
}

export function presentProgress(c: ConversionRow): ConversionProgress {
  return {
    conversionId: c.id,
    status: c.status,
    phase: c.phase,
    currentTrack: c.status === 'running' ? c.current_track : null,
    waitingUntil: c.status === 'running' && c.waiting_until && c.waiting_until.getTime() > Date.now() ? c.waiting_until.toISOString() : null,
    total: c.total,
    processed: c.processed,
    matched: c.matched,
    needsReview: c.needs_review,
    notFound: c.not_found,
    skipped: c.skipped,
    written: c.written,
  };
}

export function presentConversion(c: ConversionRow): ConversionView {
  return {
    ...presentProgress(c),
    id: c.id,
    source: { kind: c.source_kind, provider: c.source_provider, playlistId: c.source_playlist_id, title: c.source_title },
    target: c.target,
    mode: c.mode,
    name: c.name || c.source_title || '',
    targetPlaylist: c.target_playlist_id ? { id: c.target_playlist_id, url: c.target_playlist_url } : null,
    calls: { made: c.calls_made, minimum: c.calls_minimum },
    error: c.error,
    createdAt: c.created_at.toISOString(),
    finishedAt: c.finished_at ? c.finished_at.toISOString() : null,
  };
}
