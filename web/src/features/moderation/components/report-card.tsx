import type { ReportView } from '@muse/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { useResolveReport } from '../api/resolve-report';
import { REPORT_TARGET_NOUN, reportTargetTitle } from '../report-target';

const ACTION_TEXT = { hide: 'Hidden', dismiss: 'Dismissed', suspend_author: 'Author suspended' } as const;

/**
 * One report: what was reported and why, by whom, and (while open) Hide / Dismiss / Suspend author.
 * A report about the viewer's own content offers no action: another administrator has to resolve it.
 */
export function ReportCard({ report, viewerId = null }: { report: ReportView; viewerId?: string | null }) {
  const resolve = useResolveReport();
  const [note, setNote] = useState('');
  const [confirmSuspend, setConfirmSuspend] = useState(false);
  const open = report.status === 'open';
  const act = (action: 'hide' | 'dismiss' | 'suspend_author') => resolve.mutate({ id: report.id, action, note: note.trim() || undefined });
  const titleId = `report-${report.id}-title`;
  const noteId = `report-${report.id}-note`;

  return (
    <article className="report-card card" aria-labelledby={titleId} data-testid="report">
      <header className="report-header">
        <h3 id={titleId} className="report-title">
          {reportTargetTitle(report.targetType)} by <Link to={`/users/${encodeURIComponent(report.author.handle)}`}>{report.author.displayName}</Link>
          {report.link && (
            <>
              {' '}
              · <Link to={report.link}>open</Link>
            </>
          )}
        </h3>
        <time className="muted" dateTime={report.createdAt} title={formatDateTime(report.createdAt)}>
          {formatRelativeTime(report.createdAt)}
        </time>
      </header>
      <blockquote className="report-excerpt">{report.excerpt || <span className="muted">(no text)</span>}</blockquote>
      <p className="report-reason">
        <strong>Reason from {report.reporter.displayName}:</strong> {report.reason}
      </p>
      {open && report.author.id === viewerId ? (
        <p className="muted">This report is about your own content; another administrator has to resolve it.</p>
      ) : open ? (
        <>
          <div className="field">
            <label className="field-label" htmlFor={noteId}>
              Note to the reporter (optional)
            </label>
            <div className="field-control">
              <input id={noteId} className="field-input" value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
            </div>
          </div>
          <div className="report-actions" role="group" aria-label={`Resolve report ${report.id}`}>
            <Button variant="danger" size="sm" onClick={() => act('hide')} pending={resolve.isPending && resolve.variables?.action === 'hide'}>
              {report.targetType === 'party_message' ? 'Remove message' : `Hide ${REPORT_TARGET_NOUN[report.targetType]}`}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => act('dismiss')} pending={resolve.isPending && resolve.variables?.action === 'dismiss'}>
              Dismiss
            </Button>
            {confirmSuspend ? (
              <span className="confirm-group" role="group" aria-label="Confirm suspension">
                <Button
                  variant="danger"
                  size="sm"
                  onClick={() => act('suspend_author')}
                  pending={resolve.isPending && resolve.variables?.action === 'suspend_author'}
                >
                  Yes, suspend {report.author.displayName}
                </Button>
                <Button variant="ghost" size="sm" onClick={() => setConfirmSuspend(false)}>
                  Cancel
                </Button>
              </span>
            ) : (
              <Button variant="ghost" size="sm" onClick={() => setConfirmSuspend(true)}>
                Suspend author
              </Button>
            )}
          </div>
          {resolve.isError && <Alert tone="error">{resolve.error.message}</Alert>}
        </>
      ) : (
        <p className="muted">
          {report.resolution ? ACTION_TEXT[report.resolution.action] : report.status === 'dismissed' ? 'Dismissed' : 'Actioned'}
          {report.resolution?.note ? `: ${report.resolution.note}` : ''}
        </p>
      )}
    </article>
  );
}
