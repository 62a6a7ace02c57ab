import type { ConversionView } from '@muse/shared';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-time';
import { useConversions } from '../api/get-conversions';
import { sourceName, STATUS_TEXT, TARGET_NAMES } from './conversion-labels';

function HistoryItem({ view }: { view: ConversionView }) {
  const status = STATUS_TEXT[view.status];
  const title = view.source.title ?? 'Untitled playlist';
  return (
    <li className="conversion-history-item" data-testid="conversion-history-item">
      <div className="conversion-history-main">
        <h3 className="conversion-history-title">
          <Link to={`/conversions/${encodeURIComponent(view.id)}`}>
            {title} → {TARGET_NAMES[view.target]}
          </Link>
        </h3>
        <p className="muted">
          From {sourceName(view.source)} into “{view.name}”{view.mode === 'sync' ? ' (sync)' : ''} · {formatDateTime(view.createdAt)}
        </p>
        <p className="conversion-history-counts">
          {view.matched} matched · {view.needsReview} need review · {view.notFound} not found · {view.skipped} skipped
          <span className="muted"> of {view.total}</span>
        </p>
      </div>
      <span className={`status-pill status-${status.tone}`}>{status.label}</span>
    </li>
  );
}

/** The signed-in user's conversions, newest first, with "Show more". */
export function ConversionHistory() {
  const list = useConversions();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <p className="muted">Loading your conversions…</p>;
  if (list.isError) return <Alert tone="error">Could not load your conversions. {isApiError(list.error) ? list.error.detail : ''}</Alert>;
  if (items.length === 0) {
    return (
      <p className="muted">
        No conversions yet. <Link to="/convert">Convert a playlist</Link>.
      </p>
    );
  }
  return (
    <>
      <ul className="card conversion-history">
        {items.map((view) => (
          <HistoryItem key={view.id} view={view} />
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" size="sm" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Show more
          </Button>
        </div>
      )}
    </>
  );
}
