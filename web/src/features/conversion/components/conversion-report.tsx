import type { ConversionReportRow, ConversionView } from '@muse/shared';
import { Fragment, useState } from 'react';
import { flushSync } from 'react-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { isWorking } from '../api/get-conversion';
import { useConversionReport, type ReportFilter } from '../api/get-conversion-report';
import { formatConfidence, METHOD_TEXT, OUTCOME_TEXT, TARGET_NAMES, trackLine } from './conversion-labels';
import { ReportRowFix } from './report-row-fix';

const canFix = (row: ConversionReportRow) => (row.outcome === 'needs_review' || row.outcome === 'not_found') && !row.notOnService;

function ChosenTrack({ row }: { row: ConversionReportRow }) {
  if (row.notOnService) return <span className="muted">Marked not on this service</span>;
  if (!row.chosen) return <span className="muted">—</span>;
  const text = trackLine(row.chosen);
  return (
    <span>
      {row.chosen.url ? (
        <a href={row.chosen.url} target="_blank" rel="noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
      {row.written && <span className="muted"> · in the playlist</span>}
    </span>
  );
}

/**
 * Every source track and what became of it, filtered by outcome and paged, as a table (stacked
 * cards on phones). Rows that need review or were not found can be fixed in place once the run is over.
 */
export function ConversionReport({ view }: { view: ConversionView }) {
  const [filter, setFilter] = useState<ReportFilter>('all');
  const [fixing, setFixing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const report = useConversionReport(view.id, filter, isWorking(view.status));
  const rows = report.data?.pages.flatMap((page) => page.items) ?? [];
  const targetName = TARGET_NAMES[view.target];
  const fixable = !isWorking(view.status);

  const filters: { value: ReportFilter; label: string; count: number }[] = [
    { value: 'all', label: 'All', count: view.processed },
    { value: 'matched', label: OUTCOME_TEXT.matched.label, count: view.matched },
    { value: 'needs_review', label: OUTCOME_TEXT.needs_review.label, count: view.needsReview },
    { value: 'not_found', label: OUTCOME_TEXT.not_found.label, count: view.notFound },
    { value: 'skipped', label: OUTCOME_TEXT.skipped.label, count: view.skipped },
  ];

  const handleFixed = (row: ConversionReportRow) => {
    setFixing(null);
    setNotice(
      row.notOnService
        ? `Track ${row.index + 1} is marked not on ${targetName}; it will not be offered again.`
        : `Track ${row.index + 1} fixed${row.chosen ? `: ${trackLine(row.chosen)}` : ''}. Later conversions will use your choice.`,
    );
    document.getElementById(`conversion-row-${view.id}-${row.index}`)?.focus();
  };

  // Closing the panel without fixing puts focus back on the row's Fix button.
  const handleClose = (index: number) => {
    flushSync(() => setFixing(null));
    document.querySelector<HTMLButtonElement>(`[data-fix-button="${index}"]`)?.focus();
  };

  return (
    <section className="conversion-report" aria-labelledby="conversion-report-title">
      <div className="section-header">
        <h2 id="conversion-report-title">Report</h2>
        <div className="segmented" role="group" aria-label="Show tracks">
          {filters.map((option) => (
            <button
              key={option.value}
              type="button"
              className="segmented-option"
              aria-pressed={filter === option.value}
              onClick={() => {
                setFilter(option.value);
                setFixing(null);
              }}
            >
              {option.label} <span className="segmented-count">{option.count}</span>
            </button>
          ))}
        </div>
      </div>
      <div role="status" className="conversion-report-notice">
        {notice}
      </div>
      {report.isPending && <p className="muted">Loading the report…</p>}
      {report.isError && <Alert tone="error">Could not load the report. {isApiError(report.error) ? report.error.detail : ''}</Alert>}
      {report.isSuccess && rows.length === 0 && <p className="muted">{filter === 'all' ? 'No tracks yet.' : 'No tracks with this outcome.'}</p>}
      {rows.length > 0 && (
        <div className="card table-card">
          <div className="table-scroll">
            <table className="table conversion-table">
              <caption className="sr-only">Every source track, its outcome and the track chosen on {targetName}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Source track</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Method</th>
                  <th scope="col">Confidence</th>
                  <th scope="col">On {targetName}</th>
                  <th scope="col">
                    <span className="sr-only">Fix</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <Fragment key={row.index}>
                    <tr className={`conversion-row conversion-row-${row.outcome}`} data-testid="conversion-row">
                      <td data-label="Track" id={`conversion-row-${view.id}-${row.index}`} tabIndex={-1}>
                        {row.index + 1}
                      </td>
                      <td>
                        <span className="conversion-source-title">{row.source.title}</span>
                        <span className="muted"> {row.source.artists.join(', ')}</span>
                      </td>
                      <td data-label="Outcome">
                        <span className={`status-pill status-${OUTCOME_TEXT[row.outcome].tone}`}>{OUTCOME_TEXT[row.outcome].label}</span>
                        {row.reason && <span className="muted conversion-reason"> {row.reason}</span>}
                      </td>
                      <td data-label="Method">{row.method ? METHOD_TEXT[row.method] : <span className="muted">—</span>}</td>
                      <td data-label="Confidence">{formatConfidence(row.confidence)}</td>
                      <td data-label={`On ${targetName}`}>
                        <ChosenTrack row={row} />
                      </td>
                      <td>
                        {fixable && canFix(row) && fixing !== row.index && (
                          <Button
                            variant="secondary"
                            size="sm"
                            data-fix-button={row.index}
                            onClick={() => setFixing(row.index)}
                            aria-label={`Fix ${trackLine(row.source)}`}
                          >
                            Fix
                          </Button>
                        )}
                      </td>
                    </tr>
                    {fixing === row.index && (
                      <tr className="conversion-fix-row">
                        <td colSpan={7}>
                          <ReportRowFix conversionId={view.id} row={row} targetName={targetName} onFixed={handleFixed} onClose={() => handleClose(row.index)} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {report.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" size="sm" pending={report.isFetchingNextPage} onClick={() => void report.fetchNextPage()}>
            Show more
          </Button>
        </div>
      )}
    </section>
  );
}
