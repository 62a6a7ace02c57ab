import { useParams } from 'react-router';
import { PageSpinner } from '../../components/ui/spinner';
import { useArtist } from '../../features/artists/api/get-artist';
import { ArtistAlbums } from '../../features/artists/components/artist-albums';
import { useMe } from '../../features/auth/api/get-me';
import { ListenLaterButton } from '../../features/listen-later/components/listen-later-button';
import { formatCount } from '../../lib/format-music';
import { ResourceError } from './resource-error';

/** `/artists/:id`: an artist and their albums with scores. */
export function ArtistRoute() {
  const { id = '' } = useParams();
  const artist = useArtist(id);
  const me = useMe();

  if (artist.isPending) return <PageSpinner label="Loading the artist" />;
  if (artist.isError) return <ResourceError error={artist.error} what="artist" />;
  const { artist: info, albums } = artist.data;
  const rated = albums.filter((album) => album.stats.count > 0).length;

  return (
    <div className="page">
      <title>{`${info.name} · Muse`}</title>
      <header className="page-header artist-header">
        <p className="eyebrow">Artist</p>
        <h1>{info.name}</h1>
        <p className="muted">
          {formatCount(info.albumCount, 'release')} in the catalog{rated > 0 ? `, ${rated} rated on Muse` : ''}.
        </p>
      </header>
      <ArtistAlbums
        albums={albums}
        renderAlbumAction={me ? (album) => <ListenLaterButton variant="chip" albumId={album.id} albumTitle={album.title} /> : undefined}
      />
    </div>
  );
}
