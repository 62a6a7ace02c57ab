import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { useRecommendations } from '../api/recommendations';

/** How many picks My Muse shows; Discover holds the rest. */
export const PICKS_SHELF_SIZE = 4;

/** A few album picks for the owner's My Muse page, each with its first reason. */
export function DiscoverPicksShelf() {
  const list = useRecommendations({ kind: 'albums' }, PICKS_SHELF_SIZE);
  if (list.isPending) return <p className="muted">Loading your picks…</p>;
  if (list.isError) return <p className="muted">Your picks could not be loaded right now.</p>;
  const items = list.data.pages[0]?.items ?? [];
  if (items.length === 0) return <p className="muted">Rate a few albums and picks for you appear here.</p>;
  return (
    <ul className="discover-shelf">
      {items.map((pick) => (
        <li key={pick.album.id} className="discover-shelf-item">
          <Link to={`/albums/${pick.album.id}`} className="similar-album-link">
            <AlbumCover title={pick.album.title} artist={pick.album.artistCredit} coverUrl={pick.album.coverUrl} size={56} decorative />
            <span className="similar-album-text">
              <span className="similar-album-title">{pick.album.title}</span>
              <span className="muted">{pick.reasons[0]?.text}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
