import { Link, useNavigate } from 'react-router';
import { PlaylistImport } from '../../features/playlist-files/components/playlist-import';

/** `/playlists/import`: a playlist file (JSPF, XSPF, M3U, CSV) becomes a playlist or list, after a preview of every row. */
export function PlaylistImportRoute() {
  const navigate = useNavigate();
  return (
    <div className="page page-narrow">
      <title>Import a playlist · Muse</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/playlists">Playlists & lists</Link>
        </p>
        <h1>Import a playlist file</h1>
        <p className="muted">
          Bring a playlist from ListenBrainz, VLC, iTunes, Exportify or another Muse account. Each row is matched to the catalog by ISRC, then by artist, title
          and length; rows that match nothing are kept with what the file says about them, so nothing is lost.
        </p>
      </header>
      <PlaylistImport onImported={(playlist) => void navigate(`/playlists/${encodeURIComponent(playlist.id)}`)} />
    </div>
  );
}
