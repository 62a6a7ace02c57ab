import type { ImportView } from '@muse/shared';
import { Alert } from '../../../components/ui/alert';
import { PageSpinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { formatCount, formatNumber } from '../../../lib/format-music';
import { useConfirmImport } from '../api/confirm-import';
import { useImport } from '../api/get-import';
import { useImportProgress } from '../api/use-import-progress';
import { ImportOutcome } from './import-outcome';
import { ImportPreview } from './import-preview';
import { IMPORT_SOURCE_NAMES } from './import-source-names';

function ProgressBar({ processed, total, label }: { processed: number; total: number; label: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  return (
    <div className="progress-block">
      <p>
        {label} {total > 0 ? `${formatNumber(processed)} of ${formatNumber(total)} rows` : '…'}
      </p>
      <progress className="progress" max={100} value={percent} aria-label={label}>
        {percent}%
      </progress>
    </div>
  );
}

/**
 * One import from upload to done: live progress while the worker matches, the preview with
 * its choices once it is ready, progress again while applying, then the outcome.
 */
export function ImportStatus({ importId, handle }: { importId: string; handle: string }) {
  const query = useImport(importId);
  const confirm = useConfirmImport();
  useImportProgress(importId);

  if (query.isPending) return <PageSpinner label="Loading the import" />;
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return <Alert tone="error">{missing ? 'This import does not exist or is not yours.' : `Could not load the import. ${query.error.message}`}</Alert>;
  }
  const view: ImportView = query.data;
  const summary = `${formatCount(view.matched, 'row')} matched, ${view.unmatched} not found, ${view.invalid} invalid.`;

  return (
    <section className="card import-status" aria-labelledby="import-status-title" aria-busy={view.status === 'parsing' || view.status === 'applying'}>
      <h2 id="import-status-title" className="card-title">
        {IMPORT_SOURCE_NAMES[view.source]} import
      </h2>
      {view.status === 'parsing' && <ProgressBar processed={view.processed} total={view.total} label="Matching" />}
      {view.status === 'ready' && (
        <>
          <p>{summary} Choose what to import, then confirm.</p>
          {confirm.isError && <Alert tone="error">The import was not confirmed: {confirm.error.message}</Alert>}
          <ImportPreview view={view} confirming={confirm.isPending} onConfirm={(skipLines) => confirm.mutate({ id: view.id, input: { skipLines } })} />
        </>
      )}
      {view.status === 'applying' && <ProgressBar processed={view.processed} total={view.total} label="Importing" />}
      {view.status === 'done' && <ImportOutcome view={view} handle={handle} />}
      {view.status === 'failed' && (
        <Alert tone="error" title="The import failed">
          {view.error ?? 'Something went wrong while importing.'} You can try again.
        </Alert>
      )}
    </section>
  );
}
