import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { useListenLater } from '../api/get-listen-later';
import { useListenLaterIndex } from '../api/get-listen-later-index';
import { formatNumber } from '../../../lib/format-music';

/** How many albums the shelf shows; the page holds the rest. */
export const LISTEN_LATER_SHELF_SIZE = 6;

/**
 * The latest albums saved to Listen later, as a row of covers for the owner's My Muse page, with
 * how many wait in all. Private: render it only on the signed-in user's own page.
 */
export function ListenLaterShelf() {
  const list = useListenLater('added', LISTEN_LATER_SHELF_SIZE);
  const index = useListenLaterIndex();

  if (list.isPending) return <p className="muted">Loading your Listen later queue…</p>;
  if (list.isError) return <p className="muted">Your Listen later queue could not be loaded right now.</p>;
  const queued = index.data ? new Set(index.data.albumIds) : null;
  const items = (list.data.pages[0]?.items ?? []).filter((item) => !queued || queued.has(item.album.id)).slice(0, LISTEN_LATER_SHELF_SIZE);
  if (items.length === 0) {
    return <p className="muted">Nothing waiting. Press “Listen later” on any album you mean to hear, and it waits here until you rate or log it.</p>;
  }
  const total = queued?.size ?? items.length;
  return (
    <div className="listen-later-shelf">
      <ul className="listen-later-shelf-covers">
        {items.map(({ album }) => (
          <li key={album.id}>
            <Link to={`/albums/${album.id}`} className="listen-later-shelf-link" title={`${album.title} by ${album.artistCredit}`}>
              <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={96} fluid decorative />
              <span className="sr-only">
                {album.title} by {album.artistCredit}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="muted listen-later-shelf-count">
        {formatNumber(total)} {total === 1 ? 'album' : 'albums'} waiting to be heard. Only you see this.
      </p>
    </div>
  );
}
