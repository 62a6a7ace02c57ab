import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { getAppleDeveloperToken, loadMusicKit, trustedCallback, type MusicKitGlobal } from '../api/musickit';

interface AppleMusicConnectProps {
  /** `redirect_uri` and `state` of the page's query, as the server's start route set them. */
  redirectUri: string | null;
  state: string | null;
  /** Full-page navigation to the callback (tests record it). */
  go?: (url: string) => void;
  /** Loads MusicKit JS (tests hand in a stand-in). */
  load?: () => Promise<MusicKitGlobal>;
}

/**
 * Connects Apple Music with real credentials: MusicKit JS asks the listener to allow Muse (Apple's own
 * window), and the Music-User-Token it gives goes to this origin's callback with the round trip's state,
 * which the server checks against the browser that started it. Only this origin's callback is trusted.
 */
export function AppleMusicConnect({ redirectUri, state, go = (url) => window.location.assign(url), load = loadMusicKit }: AppleMusicConnectProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const callback = trustedCallback(redirectUri, window.location.origin);

  if (!callback || !state) {
    return (
      <Alert tone="error" title="This is not a valid Apple Music connection request">
        <p>
          Start again from <Link to="/settings#connections">Settings → Connected services</Link>.
        </p>
      </Alert>
    );
  }

  const finish = (params: Record<string, string>) => {
    const url = new URL(callback);
    for (const [name, value] of Object.entries({ ...params, state })) url.searchParams.set(name, value);
    go(url.toString());
  };

  const connect = async () => {
    setPending(true);
    setError(null);
    try {
      const [{ developerToken, storefront }, MusicKit] = await Promise.all([getAppleDeveloperToken(), load()]);
      const music = await MusicKit.configure({ developerToken, app: { name: 'Muse', build: '1' }, storefrontId: storefront });
      const token = await music.authorize();
      if (!token) throw new Error('Apple Music did not give Muse access.');
      finish({ music_user_token: token });
    } catch (err) {
      setPending(false);
      setError(err instanceof Error && err.message ? err.message : 'Apple Music did not give Muse access. Try again.');
    }
  };

  return (
    <div className="stack">
      <p>Apple asks you in its own window to let Muse read your library and add playlists to it. Muse never sees your Apple ID password.</p>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="form-actions">
        <Button onClick={() => void connect()} pending={pending}>
          Continue with Apple Music
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => finish({ error: 'access_denied' })}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
