import { signInSpotify } from '../providers/sandbox/sandbox-test-kit';
import type { TestApp } from './test-app';

/** A sandbox listener a Muse account connects as (the sandbox's demo listener unless said). */
export interface SandboxListener {
  id: string;
  displayName: string;
}

const DEMO_LISTENER: SandboxListener = { id: 'demo-listener', displayName: 'Demo Listener' };

/** Signs the listener in at the app's sandbox and stores the grant as the user's Spotify connection. */
export async function connectSpotifyAs(app: TestApp, userId: string, listener: SandboxListener = DEMO_LISTENER): Promise<void> {
  const tokens = await signInSpotify(app.sandbox!, listener.id);
  await app.container.services.connections.connect(userId, 'spotify', {
    providerUserId: listener.id,
    displayName: listener.displayName,
    scopes: tokens.scope.split(' '),
    credentials: { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, expiresAt: new Date(Date.now() + tokens.expires_in * 1000) },
  });
}
