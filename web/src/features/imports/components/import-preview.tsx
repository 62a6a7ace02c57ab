import type { ImportRowView, ImportView } from '@muse/shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Stars } from '../../../components/ui/stars';
import { formatDay } from '../../../lib/format-music';
import { describePlanned } from './import-outcome';

type Filter = 'all' | ImportRowView['status'];
const PAGE = 100;

interface ImportPreviewProps {
  view: ImportView;
  onConfirm: (skipLines: number[]) => void;
  confirming: boolean;
}

/**
 * What the import would do, row by row: matched rows (with the album they matched, each one
 * can be left out), unmatched and invalid rows with the reason. Confirm applies the rest.
 */
export function ImportPreview({ view, onConfirm, confirming }: ImportPreviewProps) {
  const [skipped, setSkipped] = useState<Set<number>>(() => new Set());
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => (filter === 'all' ? view.rows : view.rows.filter((row) => row.status === filter)), [view.rows, filter]);
  const matchedLines = view.rows.filter((row) => row.status === 'matched').map((row) => row.line);
  const toApply = matchedLines.filter((line) => !skipped.has(line)).length;

  const toggle = (line: number) =>
    setSkipped((current) => {
      const next = new Set(current);
      if (next.has(line)) next.delete(line);
      else next.add(line);
      return next;
    });

  const filters: { value: Filter; label: string; count: number }[] = [
    { value: 'all', label: 'All', count: view.rows.length },
    { value: 'matched', label: 'Matched', count: view.matched },
    { value: 'unmatched', label: 'Not found', count: view.unmatched },
    { value: 'invalid', label: 'Invalid', count: view.invalid },
  ];

  return (
    <div className="import-preview">
      <div className="section-header">
        <div className="segmented" role="group" aria-label="Show rows">
          {filters.map((option) => (
            <button
              key={option.value}
              type="button"
              className="segmented-option"
              aria-pressed={filter === option.value}
              onClick={() => {
                setFilter(option.value);
                setShown(PAGE);
              }}
            >
              {option.label} <span className="segmented-count">{option.count}</span>
            </button>
          ))}
        </div>
        <div className="import-select-all">
          <Button variant="ghost" size="sm" onClick={() => setSkipped(new Set())}>
            Select all matched
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setSkipped(new Set(matchedLines))}>
            Select none
          </Button>
        </div>
      </div>
      <div className="card table-card">
        <div className="table-scroll">
          <table className="table import-table">
            <caption className="sr-only">Rows of the uploaded file and how they matched</caption>
            <thead>
              <tr>
                <th scope="col">Import</th>
                <th scope="col">Line</th>
                <th scope="col">In your file</th>
                <th scope="col">Rating</th>
                <th scope="col">Listened</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((row) => (
                <tr key={row.line} className={`import-row import-row-${row.status}`}>
                  <td>
                    {row.status === 'matched' ? (
                      <input
                        type="checkbox"
                        checked={!skipped.has(row.line)}
                        onChange={() => toggle(row.line)}
                        aria-label={`Import line ${row.line}: ${row.artist} – ${row.title}`}
                      />
                    ) : (
                      <span className="muted" aria-label="Will not be imported">
                        —
                      </span>
                    )}
                  </td>
                  <td data-label="Line">{row.line}</td>
                  <td>
                    {row.trackTitle && <span className="import-source-title">{row.trackTitle} · </span>}
                    <span className="import-source-title">{row.title || <span className="muted">(no title)</span>}</span>
                    <span className="muted">
                      {' '}
                      {row.artist}
                      {row.year ? ` · ${row.year}` : ''}
                    </span>
                    {(row.isRelisten || row.hasReview) && (
                      <span className="import-flags">
                        {row.isRelisten ? ' ↻ relisten' : ''}
                        {row.hasReview ? ' ✎ review' : ''}
                      </span>
                    )}
                  </td>
                  <td data-label="Rating">{row.rating !== null ? <Stars value={row.rating} size="sm" /> : <span className="muted">—</span>}</td>
                  <td data-label="Listened">{row.listenedOn ? formatDay(row.listenedOn) : <span className="muted">—</span>}</td>
                  <td>
                    {row.status === 'matched' && row.match ? (
                      <span className="import-match">
                        <span className="status-pill status-ok">Matched</span> <Link to={`/albums/${row.match.id}`}>{row.match.title}</Link>
                        <span className="muted">
                          {' '}
                          {row.match.artistCredit}
                          {row.match.releaseYear ? ` · ${row.match.releaseYear}` : ''}
                        </span>
                      </span>
                    ) : (
                      <span>
                        <span className={`status-pill ${row.status === 'invalid' ? 'status-bad' : 'status-warn'}`}>
                          {row.status === 'invalid' ? 'Invalid' : 'Not found'}
                        </span>{' '}
                        <span className="muted">{row.reason}</span>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {rows.length > shown && (
        <div className="list-more">
          <Button variant="secondary" size="sm" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, rows.length - shown)} more rows
          </Button>
        </div>
      )}
      <div className="import-confirm">
        <p>
          {describePlanned(
            view.rows.filter((row) => row.status === 'matched' && !skipped.has(row.line)),
            view.source,
          )}
        </p>
        <Button onClick={() => onConfirm([...skipped].sort((a, b) => a - b))} pending={confirming} disabled={toApply === 0}>
          Confirm import
        </Button>
      </div>
    </div>
  );
}
