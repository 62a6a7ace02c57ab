import type { ProfileView } from '@muse/shared';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';

/** Someone's top four as a row of covers (read only). */
export function FavouritesShelf({ favourites, ownerName }: { favourites: ProfileView['favourites']; ownerName: string }) {
  if (favourites.length === 0) return <p className="muted">{ownerName} has not picked favourites yet.</p>;
  return (
    <ol className="favourites" aria-label={`${ownerName}’s favourite albums, in order`}>
      {favourites.map((album) => (
        <li key={album.id} className="favourite">
          <Link to={`/albums/${album.id}`} className="favourite-link">
            <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={150} fluid />
            <span className="favourite-title">{album.title}</span>
            <span className="favourite-artist">{album.artistCredit}</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
