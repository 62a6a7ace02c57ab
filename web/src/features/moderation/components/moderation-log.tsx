import type { ModerationLogEntry } from '@muse/shared';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { formatNumber, formatScore } from '../../../lib/format-music';
import { formatDateTime } from '../../../lib/format-time';
import { useModerationLog } from '../api/get-moderation-log';

/** What one entry says happened, in words. */
export function describeLogEntry(entry: ModerationLogEntry): string {
  switch (entry.action) {
    case 'hold':
      return `Score held by the surge rule${entry.ratings === null ? '' : `: ${formatNumber(entry.ratings)} ratings from low-history accounts`}${
        entry.mean === null ? '' : ` averaging ${formatScore(entry.mean)} stars`
      }.`;
    case 'release':
      return 'Hold released by a moderator: the ratings stand.';
    case 'confirm':
      return `Brigade confirmed by a moderator${entry.ratings === null ? '' : `: ${formatNumber(entry.ratings)} ratings no longer count in the weighted score`}.`;
  }
}

/** The public moderation log, newest first: every hold of an album's weighted score and what moderators decided. */
export function ModerationLog() {
  const log = useModerationLog();
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  if (log.isPending) return <PageSpinner label="Loading the moderation log" />;
  if (log.isError) return <Alert tone="error">Could not load the moderation log. {log.error.message}</Alert>;
  return (
    <>
      {items.length === 0 ? (
        <p className="empty-state card">Nothing has been held yet.</p>
      ) : (
        <ol className="moderation-log card" aria-label="Moderation log entries">
          {items.map((entry) => (
            <li key={entry.id} className="moderation-log-entry" data-testid="moderation-log-entry" data-action={entry.action}>
              <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time> <Link to={`/albums/${entry.album.id}`}>{entry.album.title}</Link>{' '}
              <span className="muted">{entry.album.artistCredit}</span>
              <p>{describeLogEntry(entry)}</p>
            </li>
          ))}
        </ol>
      )}
      {log.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" onClick={() => void log.fetchNextPage()} pending={log.isFetchingNextPage}>
            Older entries
          </Button>
        </div>
      )}
    </>
  );
}
