import type { ImportedCounts, ImportRowView, ImportSource, ImportView } from '@muse/shared';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { formatCount, formatNumber } from '../../../lib/format-music';

/** "a, b and c". */
function joinAnd(parts: string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/** What confirming would write: every row a rating or review, only dated rows a diary entry; a watchlist's rows go to Listen later. */
export function describePlanned(rows: ImportRowView[], source: ImportSource): string {
  if (rows.length === 0) return 'Nothing selected to import.';
  if (source === 'letterboxd-watchlist') return `${formatCount(rows.length, 'album')} will be added to your Listen later queue.`;
  const dated = rows.filter((row) => row.listenedOn !== null).length;
  const what = `${formatCount(rows.length, 'row')} will be imported as ratings and reviews`;
  if (dated === 0) return `${what}. None has a date, so none will go to your diary.`;
  if (dated === rows.length) return `${what}, and each goes to your diary on its date.`;
  return `${what}; ${formatNumber(dated)} of them ${dated === 1 ? 'has a date and' : 'have a date and'} will go to your diary.`;
}

/** What a finished import wrote: "2 ratings and 1 review imported and 4 diary entries added." */
export function describeImported(counts: ImportedCounts): string {
  const imported = joinAnd([
    ...(counts.ratings ? [formatCount(counts.ratings, 'rating')] : []),
    ...(counts.reviews ? [formatCount(counts.reviews, 'review')] : []),
  ]);
  const head = imported ? `${imported} imported` : 'Nothing new imported';
  if (counts.diaryEntries === 0) return `${head}. No row had a date, so nothing was added to your diary.`;
  return `${head} and ${formatCount(counts.diaryEntries, 'diary entry', 'diary entries')} added.`;
}

/** The outcome of a finished import, linking to the diary when it added entries, else to the profile's ratings. */
export function ImportOutcome({ view, handle }: { view: ImportView; handle: string }) {
  const profile = `/users/${encodeURIComponent(handle)}`;
  const counts = view.imported;
  if (view.source === 'letterboxd-watchlist') {
    return (
      <Alert tone="success" title="Import finished">
        {formatCount(counts?.listenLater ?? view.applied, 'album')} added to your Listen later queue. <Link to="/listen-later">Open Listen later</Link>
      </Alert>
    );
  }
  return (
    <Alert tone="success" title="Import finished">
      {counts ? describeImported(counts) : `${formatCount(view.applied, 'row')} imported.`}{' '}
      {counts && counts.diaryEntries === 0 ? <Link to={profile}>Open your ratings</Link> : <Link to={`${profile}/diary`}>Open your diary</Link>}
    </Alert>
  );
}
