import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { useSimilarAlbums } from '../api/recommendations';

/** "Similar albums" on an album's page: what people who liked it also liked, or albums like it. */
export function SimilarAlbums({ albumId }: { albumId: string }) {
  const similar = useSimilarAlbums(albumId);
  if (similar.isPending || similar.isError || similar.data.items.length === 0) return null;
  return (
    <section className="card similar-albums" aria-labelledby="similar-albums-title">
      <h2 id="similar-albums-title" className="card-title">
        Similar albums
      </h2>
      <ul className="similar-albums-list">
        {similar.data.items.slice(0, 8).map((album) => (
          <li key={album.id}>
            <Link to={`/albums/${album.id}`} className="similar-album-link">
              <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={72} decorative />
              <span className="similar-album-text">
                <span className="similar-album-title">{album.title}</span>
                <span className="muted">{album.artistCredit}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
