import { Link } from 'react-router';
import { ConversionHistory } from '../../features/conversion/components/conversion-history';

/** `/conversions`: the signed-in user's playlist conversions, newest first. */
export function ConversionsRoute() {
  return (
    <div className="page page-narrow">
      <title>Conversions · Muse</title>
      <header className="page-header playlists-header">
        <div>
          <h1>Conversions</h1>
          <p className="muted">Playlists you converted between Spotify, Apple Music and Muse, with a report for each.</p>
        </div>
        <Link className="btn btn-primary" to="/convert">
          Convert a playlist
        </Link>
      </header>
      <ConversionHistory />
    </div>
  );
}
