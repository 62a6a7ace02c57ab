import { Alert } from '../../../components/ui/alert';

/** What each `oauth_error` code the server redirects back with means to the person. */
export const OAUTH_MESSAGES: Record<string, string> = {
  spotify_cancelled: 'Spotify sign-in was cancelled. Nothing was connected.',
  spotify_failed: 'Spotify did not complete the sign-in. Try again in a moment.',
  spotify_taken: 'That Spotify account is already connected to another Muse account. Sign in to that account to use it, or disconnect it there first.',
  account_suspended: 'The Muse account linked to this Spotify account is suspended.',
  apple_cancelled: 'Connecting Apple Music was cancelled. Nothing was connected.',
  apple_failed: 'Apple Music did not accept the connection. Try again in a moment.',
};

/** The message for an `?oauth_error=` code, or nothing; unknown codes get a general sentence rather than the raw code. */
export function OAuthMessage({ code }: { code: string | null }) {
  if (!code) return null;
  return <Alert tone="error">{OAUTH_MESSAGES[code] ?? 'The sign-in with the music service did not complete. Try again.'}</Alert>;
}
