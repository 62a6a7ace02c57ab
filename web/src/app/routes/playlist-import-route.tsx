import { Link, useNavigate } from 'react-router';
import { PlaylistImport } from '../../features/playlist-files/components/playlist-import';
import { ServiceImport } from '../../features/service-imports/components/service-import';

/**
 * `/playlists/import`: a playlist from a connected Spotify or Apple Music account (picked or by
 * link, imported by a job with live progress), or a playlist file (JSPF, XSPF, M3U, CSV) that
 * becomes a playlist or list after a preview of every row.
 */
export function PlaylistImportRoute() {
  const navigate = useNavigate();
  return (
    <div className="page page-narrow">
      <title>Import a playlist · Muse</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/playlists">Playlists & lists</Link>
        </p>
        <h1>Import a playlist file, or from Spotify or Apple Music</h1>
      </header>
      <section className="import-section" aria-labelledby="import-from-service">
        <h2 id="import-from-service">From Spotify / Apple Music</h2>
        <p className="muted">
          Import one of your playlists, or paste a playlist’s link. Tracks Muse’s catalog knows are linked to it; local files and tracks the service cannot play
          are kept as the service names them. Importing the same playlist again updates the Muse playlist it made.
        </p>
        <ServiceImport />
      </section>
      <section className="import-section" aria-labelledby="import-from-file">
        <h2 id="import-from-file">From a file</h2>
        <p className="muted">
          Bring a playlist from ListenBrainz, VLC, iTunes, Exportify or another Muse account. Each row is matched to the catalog by ISRC, then by artist, title
          and length; rows that match nothing are kept with what the file says about them, so nothing is lost.
        </p>
        <PlaylistImport onImported={(playlist) => void navigate(`/playlists/${encodeURIComponent(playlist.id)}`)} />
      </section>
    </div>
  );
}
