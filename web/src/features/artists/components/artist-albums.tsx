import type { ArtistPage } from '@muse/shared';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { formatAlbumType, formatCount, formatScore } from '../../../lib/format-music';

type Album = ArtistPage['albums'][number];
type Order = 'year' | 'score';

/** Oldest first (undated last), or best weighted score first (unrated last). */
export function sortAlbums(albums: Album[], order: Order): Album[] {
  const copy = [...albums];
  if (order === 'year') return copy.sort((a, b) => (a.releaseYear ?? 9999) - (b.releaseYear ?? 9999) || a.title.localeCompare(b.title));
  return copy.sort((a, b) => (b.stats.weighted ?? -1) - (a.stats.weighted ?? -1) || b.stats.count - a.stats.count);
}

/**
 * An artist's albums as a grid of covers with year, type and scores, by year or by score.
 * `renderAlbumAction` adds a control to each tile that another feature provides (Listen later).
 */
export function ArtistAlbums({ albums, renderAlbumAction }: { albums: Album[]; renderAlbumAction?: (album: Album) => ReactNode }) {
  const [order, setOrder] = useState<Order>('year');
  if (albums.length === 0) return <p className="empty-state card">No albums in the catalog yet.</p>;
  return (
    <section aria-labelledby="artist-albums-title">
      <div className="section-header">
        <h2 id="artist-albums-title" className="section-heading">
          Discography
        </h2>
        <div className="segmented" role="group" aria-label="Order albums by">
          <button type="button" className="segmented-option" aria-pressed={order === 'year'} onClick={() => setOrder('year')}>
            Year
          </button>
          <button type="button" className="segmented-option" aria-pressed={order === 'score'} onClick={() => setOrder('score')}>
            Score
          </button>
        </div>
      </div>
      <ul className="album-grid">
        {sortAlbums(albums, order).map((album) => (
          <li key={album.id} className="album-tile">
            <Link to={`/albums/${album.id}`} className="album-tile-link">
              <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={200} fluid />
              <span className="album-tile-title">{album.title}</span>
            </Link>
            <span className="album-tile-meta">
              {[album.releaseYear, album.type !== 'album' ? formatAlbumType(album.type) : null].filter(Boolean).join(' · ')}
            </span>
            <span className="album-tile-score">
              {album.stats.count > 0 ? (
                <>
                  <strong title="Weighted score">{formatScore(album.stats.weighted)}</strong> · {formatCount(album.stats.count, 'rating')}
                </>
              ) : (
                <span className="muted">No ratings yet</span>
              )}
            </span>
            {renderAlbumAction && <span className="album-tile-action">{renderAlbumAction(album)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
