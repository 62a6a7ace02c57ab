import { useSearchParams } from 'react-router';
import { AppleMusicConnect } from '../../features/connections/components/apple-music-connect';

/** `/connect/apple`: where connecting Apple Music lands with real Apple credentials (the sandbox has its own page). */
export function ConnectAppleRoute() {
  const [params] = useSearchParams();
  return (
    <div className="page page-narrow">
      <title>Connect Apple Music · Muse</title>
      <h1>Connect Apple Music</h1>
      <AppleMusicConnect redirectUri={params.get('redirect_uri')} state={params.get('state')} />
    </div>
  );
}
