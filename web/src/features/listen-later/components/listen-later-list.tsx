import type { ListenLaterItem, ListenLaterSort } from '@muse/shared';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { formatAlbumType, formatNumber } from '../../../lib/format-music';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { useListenLater } from '../api/get-listen-later';
import { useListenLaterIndex } from '../api/get-listen-later-index';
import { useSetListenLaterKeep, useToggleListenLater } from '../api/toggle-listen-later';

const SORTS: { value: ListenLaterSort; label: string }[] = [
  { value: 'added', label: 'Latest added' },
  { value: 'release', label: 'Newest release' },
];

/** What to do when nothing waits: where albums get their "Listen later" button. */
export function ListenLaterEmpty() {
  return (
    <div className="empty-state card listen-later-empty">
      <p>Nothing waiting to be heard yet.</p>
      <p className="muted">
        Press “Listen later” on an album’s page, or on any album in search results, the charts or an artist’s discography, and it waits here until you rate or
        log it.
      </p>
      <p>
        <Link to="/charts">Browse the charts</Link> · <Link to="/search">Search albums</Link>
      </p>
    </div>
  );
}

/**
 * The signed-in user's whole Listen later queue, latest added or newest release first, with
 * "load more". Each album can be kept after it is heard, or taken off at once.
 */
export function ListenLaterList({ sort, onSortChange }: { sort: ListenLaterSort; onSortChange: (sort: ListenLaterSort) => void }) {
  const list = useListenLater(sort);
  const index = useListenLaterIndex();
  const remove = useToggleListenLater();
  const setKeep = useSetListenLaterKeep();

  const picker = (
    <div className="segmented" role="group" aria-label="Order albums by">
      {SORTS.map((option) => (
        <button key={option.value} type="button" className="segmented-option" aria-pressed={sort === option.value} onClick={() => onSortChange(option.value)}>
          {option.label}
        </button>
      ))}
    </div>
  );

  if (list.isPending) return <PageSpinner label="Loading your Listen later queue" />;
  if (list.isError) return <Alert tone="error">Your Listen later queue could not be loaded. {list.error.message}</Alert>;

  // Albums taken off here leave at once: the index changes before the server answers.
  const queued = index.data ? new Set(index.data.albumIds) : null;
  const kept = new Set(index.data?.keptAlbumIds ?? []);
  const items = list.data.pages.flatMap((page) => page.items).filter((item) => !queued || queued.has(item.album.id));
  if (items.length === 0 && !list.hasNextPage) return <ListenLaterEmpty />;

  return (
    <div className="listen-later-list">
      <div className="section-header">
        <p className="muted listen-later-count" aria-live="polite">
          {queued ? `${formatNumber(queued.size)} ${queued.size === 1 ? 'album' : 'albums'} waiting` : ''}
        </p>
        {picker}
      </div>
      {(remove.isError || setKeep.isError) && <Alert tone="error">{(remove.error ?? setKeep.error)?.message}</Alert>}
      <ol className="listen-later-items">
        {items.map((item) => (
          <ListenLaterRow
            key={item.album.id}
            item={item}
            keep={index.data ? kept.has(item.album.id) : item.keep}
            onKeep={(keep) => setKeep.mutate({ albumId: item.album.id, keep })}
            onRemove={() => remove.mutate({ albumId: item.album.id, queued: false })}
          />
        ))}
      </ol>
      {list.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} pending={list.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}

function ListenLaterRow({ item, keep, onKeep, onRemove }: { item: ListenLaterItem; keep: boolean; onKeep: (keep: boolean) => void; onRemove: () => void }) {
  const { album } = item;
  const facts = [album.artistCredit, album.releaseYear, album.type !== 'album' ? formatAlbumType(album.type) : null].filter(Boolean).join(' · ');
  return (
    <li className="listen-later-item">
      <Link to={`/albums/${album.id}`} tabIndex={-1} aria-hidden="true" className="listen-later-cover">
        <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={64} decorative />
      </Link>
      <div className="listen-later-text">
        <Link to={`/albums/${album.id}`} className="listen-later-title">
          {album.title}
        </Link>
        <span className="listen-later-detail">{facts}</span>
        <span className="listen-later-added">
          Added{' '}
          <time dateTime={item.addedAt} title={formatDateTime(item.addedAt)}>
            {formatRelativeTime(item.addedAt)}
          </time>
        </span>
      </div>
      <div className="listen-later-actions">
        <label className="listen-later-keep">
          <input type="checkbox" checked={keep} onChange={(event) => onKeep(event.target.checked)} />
          <span>
            Keep after rating<span className="sr-only">: {album.title}</span>
          </span>
        </label>
        <Button variant="ghost" size="sm" onClick={onRemove}>
          Remove <span className="sr-only">{album.title} from Listen later</span>
        </Button>
      </div>
    </li>
  );
}
