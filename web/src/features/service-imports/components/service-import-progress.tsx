import type { ServiceImportView } from '@muse/shared';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { isApiError } from '../../../lib/api-client';
import { formatCount, formatNumber } from '../../../lib/format-music';
import { useServiceImport } from '../api/get-service-import';
import { useServiceImportProgress } from '../api/use-service-import-progress';
import { SERVICE_NAMES } from '../../../lib/music-services';

/** What became of the tracks, in one sentence. */
function outcomeText(view: ServiceImportView): string {
  const kept = [
    view.localFiles ? formatCount(view.localFiles, 'local file') : null,
    view.unavailable ? formatCount(view.unavailable, 'unavailable track') : null,
  ].filter(Boolean);
  const linked = `${formatNumber(view.linked)} linked to Muse’s catalog`;
  return `${formatCount(view.processed, 'track')} imported: ${linked}${kept.length ? `; ${kept.join(' and ')} kept as the service named them` : ''}.`;
}

function OpenPlaylist({ view }: { view: ServiceImportView }) {
  if (!view.playlistId) return null;
  return (
    <p>
      <Link className="btn btn-primary" to={`/playlists/${encodeURIComponent(view.playlistId)}`}>
        Open playlist
      </Link>
    </p>
  );
}

/**
 * One import from a service as it runs and once it has ended: a live progress bar (the record is
 * read first, so a reload picks up where the import is, then the socket moves it), then what was
 * imported with a link to the playlist, or what went wrong in plain words.
 */
export function ServiceImportProgress({ importId }: { importId: string }) {
  const query = useServiceImport(importId);
  useServiceImportProgress(importId);

  if (query.isPending) return <p className="muted">Loading the import…</p>;
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return <Alert tone="error">{missing ? 'This import does not exist or is not yours.' : `Could not load the import. ${query.error.message}`}</Alert>;
  }
  const view = query.data;
  const service = SERVICE_NAMES[view.provider];
  const name = view.sourceName ? `“${view.sourceName}”` : 'the playlist';
  const running = view.status === 'queued' || view.status === 'importing';
  const percent = view.total > 0 ? Math.min(100, Math.round((view.processed / view.total) * 100)) : 0;

  return (
    <section className="card service-import-progress" aria-labelledby="service-import-progress-title" aria-busy={running}>
      <h3 id="service-import-progress-title" className="card-title">
        {running ? `Importing ${name} from ${service}` : `Import of ${name} from ${service}`}
      </h3>
      {running && (
        <>
          <div
            className="service-import-bar"
            role="progressbar"
            aria-label="Tracks imported"
            aria-valuemin={0}
            aria-valuemax={Math.max(view.total, view.processed)}
            aria-valuenow={view.processed}
            aria-valuetext={view.total > 0 ? `${view.processed} of ${view.total} tracks` : 'Reading the playlist'}
          >
            <span className="service-import-bar-fill" style={{ width: `${percent}%` }} />
          </div>
          <p className="muted" aria-live="polite">
            {view.status === 'queued'
              ? 'Waiting to start…'
              : view.total > 0
                ? `${formatNumber(view.processed)} of ${formatNumber(view.total)} tracks`
                : 'Reading the playlist…'}
          </p>
        </>
      )}
      {view.status === 'done' && (
        <>
          <Alert tone="success" title="Imported">
            {outcomeText(view)}
          </Alert>
          <OpenPlaylist view={view} />
        </>
      )}
      {view.status === 'partial' && (
        <>
          <Alert tone="info" title="Imported in part">
            {view.error}
          </Alert>
          <OpenPlaylist view={view} />
        </>
      )}
      {view.status === 'failed' && (
        <Alert tone="error" title="The import failed">
          {view.error ?? 'Something went wrong while importing. Try again later.'}
          {view.error?.includes('Settings') && (
            <>
              {' '}
              <Link to="/settings#connections">Open Connected services</Link>
            </>
          )}
        </Alert>
      )}
    </section>
  );
}
