import { Link } from 'react-router';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { useImports } from '../api/get-imports';
import { IMPORT_SOURCE_NAMES } from './import-source-names';

const STATUS_LABELS: Record<string, string> = { parsing: 'Matching', ready: 'Waiting for you', applying: 'Importing', done: 'Done', failed: 'Failed' };

/** The viewer's earlier imports, each linking to its own page. */
export function ImportsList() {
  const imports = useImports();
  const items = imports.data?.items ?? [];
  if (imports.isPending || imports.isError || items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="imports-list-title">
      <h2 id="imports-list-title" className="card-title">
        Earlier imports
      </h2>
      <ul className="compact-list">
        {items.map((item) => (
          <li key={item.id} className="compact-row">
            <span className="compact-text">
              <Link to={`/import/${item.id}`} className="compact-title">
                {IMPORT_SOURCE_NAMES[item.source]} · {item.total} rows
              </Link>
              <span className="compact-detail">
                <time dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
                  {formatRelativeTime(item.createdAt)}
                </time>{' '}
                · {STATUS_LABELS[item.status] ?? item.status}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
