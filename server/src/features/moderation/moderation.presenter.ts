import type { ReportView, SuspendedAccountView } from '@muse/shared';
import type { ReportViewRow, SuspendedAccountRow } from './moderation.repo';

/** A report as the moderation queue (and its reporter) sees it. */
export function presentReport(row: ReportViewRow): ReportView {
  return {
    id: String(row.id),
    targetType: row.target_type,
    targetId: String(row.target_id),
    link: row.target_party_id ? `/parties/${row.target_party_id}` : row.target_review_id ? `/reviews/${row.target_review_id}` : null,
    excerpt: row.excerpt,
    author: { id: String(row.target_author_id ?? ''), handle: row.author_handle ?? '', displayName: row.author_display_name ?? 'Deleted account' },
    reporter: { id: String(row.reporter_id), handle: row.reporter_handle, displayName: row.reporter_display_name },
    reason: row.reason,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    resolution:
      row.status === 'open' || !row.resolution
        ? null
        : { action: row.resolution, note: row.resolution_note, resolvedAt: new Date(row.resolved_at ?? row.created_at).toISOString() },
    targetHidden: Boolean(row.target_hidden),
  };
}

/** A suspended account with who suspended it and the report behind it, where those are known. */
export function presentSuspendedAccount(row: SuspendedAccountRow): SuspendedAccountView {
  return {
    user: { id: String(row.id), handle: row.handle, displayName: row.display_name },
    suspendedAt: new Date(row.suspended_at).toISOString(),
    suspendedBy: row.admin_id === null ? null : { id: String(row.admin_id), handle: row.admin_handle ?? '', displayName: row.admin_display_name ?? '' },
    report:
      row.report_id === null || row.report_target_type === null
        ? null
        : {
            id: String(row.report_id),
            targetType: row.report_target_type,
            targetId: String(row.report_target_id),
            excerpt: row.report_excerpt ?? '',
            reason: row.report_reason ?? '',
          },
  };
}
