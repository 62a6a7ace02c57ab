import type { ConversionView } from '@muse/shared';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { PageSpinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { formatCount, formatNumber } from '../../../lib/format-music';
import { formatDateTime } from '../../../lib/format-time';
import { conversionCsvPath } from '../api/conversion-keys';
import { useConversion } from '../api/get-conversion';
import { useConversionProgress } from '../api/use-conversion-progress';
import { sourceName, STATUS_TEXT, TARGET_NAMES } from './conversion-labels';
import { ConversionProgressPanel } from './conversion-progress';
import { ConversionReport } from './conversion-report';

function TargetLink({ view }: { view: ConversionView }) {
  if (!view.targetPlaylist) return null;
  if (view.target === 'muse') {
    return (
      <Link className="btn btn-primary btn-sm" to={`/playlists/${encodeURIComponent(view.targetPlaylist.id)}`}>
        Open “{view.name}” in Muse
      </Link>
    );
  }
  if (!view.targetPlaylist.url) return null;
  return (
    <a className="btn btn-primary btn-sm" href={view.targetPlaylist.url} target="_blank" rel="noreferrer">
      Open “{view.name}” in {TARGET_NAMES[view.target]}
    </a>
  );
}

/** How the run ended, in words, with where to go next. */
function Outcome({ view }: { view: ConversionView }) {
  const csv = (
    <a className="btn btn-secondary btn-sm" href={conversionCsvPath(view.id)} download>
      Download CSV
    </a>
  );
  if (view.status === 'done') {
    return (
      <Alert tone="success" title="Conversion finished">
        <p>
          {view.mode === 'sync'
            ? `Added ${formatCount(view.written, 'new track')} to “${view.name}” on ${TARGET_NAMES[view.target]}; what was there already was left alone.`
            : `Added ${formatNumber(view.written)} of ${formatCount(view.total, 'track')} to “${view.name}” on ${TARGET_NAMES[view.target]}.`}
          {view.needsReview + view.notFound > 0 && ` ${view.needsReview + view.notFound} can be fixed in the report below.`}
        </p>
        <div className="form-inline">
          <TargetLink view={view} />
          {csv}
        </div>
      </Alert>
    );
  }
  if (view.status === 'failed') {
    return (
      <Alert tone="error" title="The conversion failed">
        <p>{view.error ?? 'Something went wrong while converting.'} The report keeps what was done.</p>
        <div className="form-inline">
          <TargetLink view={view} />
          {csv}
        </div>
      </Alert>
    );
  }
  if (view.status === 'cancelled') {
    return (
      <Alert tone="info" title="Cancelled">
        <p>The conversion was stopped. The report keeps what was done.</p>
        <div className="form-inline">
          <TargetLink view={view} />
          {csv}
        </div>
      </Alert>
    );
  }
  return null;
}

/** `/conversions/:id`: a conversion's live progress (it survives a reload: the view is read, then the socket followed), its outcome and its report. */
export function ConversionPage({ conversionId }: { conversionId: string }) {
  const query = useConversion(conversionId);
  useConversionProgress(conversionId);

  if (query.isPending) return <PageSpinner label="Loading the conversion" />;
  if (query.isError) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return <Alert tone="error">{missing ? 'This conversion does not exist or is not yours.' : `Could not load the conversion. ${query.error.message}`}</Alert>;
  }
  const view = query.data;
  const status = STATUS_TEXT[view.status];
  const title = view.source.title ?? 'Playlist';

  return (
    <div className="conversion-page">
      <title>{`Converting ${title} · Muse`}</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/conversions">Conversions</Link>
        </p>
        <h1>
          {title} → {TARGET_NAMES[view.target]}
        </h1>
        <p className="muted">
          <span className={`status-pill status-${status.tone}`}>{status.label}</span> From {sourceName(view.source)} to “{view.name}” on{' '}
          {TARGET_NAMES[view.target]}
          {view.mode === 'sync' ? ' (sync: only what is new)' : ''} · started {formatDateTime(view.createdAt)}
        </p>
      </header>
      <Outcome view={view} />
      <ConversionProgressPanel view={view} />
      {view.calls.made > 0 && (
        <p className="muted conversion-calls">
          {formatNumber(view.calls.made)} calls to the services (the fewest possible for this playlist: {formatNumber(view.calls.minimum)}).
        </p>
      )}
      <ConversionReport view={view} />
    </div>
  );
}
