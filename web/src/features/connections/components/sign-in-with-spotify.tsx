import { SPOTIFY_START_PATH } from '../api/connections';

/**
 * "Sign in with Spotify": a plain link, because the round trip leaves Muse for Spotify's page and
 * comes back through the server's callback.
 */
export function SignInWithSpotify({ label = 'Sign in with Spotify' }: { label?: string }) {
  return (
    <div className="oauth-buttons">
      <a className="btn btn-secondary btn-block" href={SPOTIFY_START_PATH}>
        {label}
      </a>
    </div>
  );
}
