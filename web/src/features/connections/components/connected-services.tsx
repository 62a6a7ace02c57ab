import type { Connection, ProviderName } from '@muse/shared';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { APPLE_START_PATH, SPOTIFY_CONNECT_PATH, useConnections, useDisconnect } from '../api/connections';
import { OAuthMessage } from './oauth-message';

const NAMES: Record<ProviderName, string> = { spotify: 'Spotify', apple: 'Apple Music' };
const START: Record<ProviderName, string> = { spotify: SPOTIFY_CONNECT_PATH, apple: APPLE_START_PATH };

function ServiceRow({ provider, connection }: { provider: ProviderName; connection: Connection | undefined }) {
  const disconnect = useDisconnect();
  const name = NAMES[provider];
  return (
    <li className="settings-row">
      <div className="settings-row-text">
        <p>
          <strong>{name}</strong>
          {connection?.status === 'needs_reconnect' && <> · needs reconnecting</>}
        </p>
        {connection ? (
          <p className="muted">
            Connected as {connection.displayName ?? name} since {new Date(connection.connectedAt).toLocaleDateString()}.
            {connection.scopes.length > 0 && <> Muse may: {connection.scopes.join(', ')}.</>}
          </p>
        ) : (
          <p className="muted">Not connected.</p>
        )}
        {connection?.status === 'needs_reconnect' && (
          <p className="muted">{name} stopped letting Muse act for you (access was revoked or expired). Reconnect to keep importing.</p>
        )}
        {disconnect.isError && (
          <Alert tone="error">
            Could not disconnect {name}. {disconnect.error.message}
          </Alert>
        )}
      </div>
      <div className="form-inline">
        {(!connection || connection.status === 'needs_reconnect') && (
          <a className="btn btn-primary btn-sm" href={START[provider]}>
            {connection ? 'Reconnect' : 'Connect'}
          </a>
        )}
        {connection && (
          <Button variant="secondary" size="sm" pending={disconnect.isPending} onClick={() => disconnect.mutate(provider)}>
            Disconnect
          </Button>
        )}
      </div>
    </li>
  );
}

/** The "Connected services" section of settings: each music service, its scopes and state, connect and disconnect. */
export function ConnectedServices({ oauthError, justConnected }: { oauthError: string | null; justConnected: string | null }) {
  const connections = useConnections();
  return (
    <section className="card" id="connections" aria-labelledby="connections-title">
      <h2 id="connections-title" className="card-title">
        Connected services
      </h2>
      <p className="muted">Connect Spotify or Apple Music to import playlists and sign in. Muse keeps their access encrypted and never shows it.</p>
      <OAuthMessage code={oauthError} />
      {justConnected && justConnected in NAMES && <Alert tone="success">{NAMES[justConnected as ProviderName]} is connected.</Alert>}
      {connections.isPending && <p className="muted">Loading your connected services…</p>}
      {connections.isError && <Alert tone="error">Could not load your connected services. {connections.error.message}</Alert>}
      {connections.data &&
        (connections.data.available.length === 0 ? (
          <p className="muted">This server has no music services configured.</p>
        ) : (
          <ul className="settings-list">
            {connections.data.available.map((provider) => (
              <ServiceRow key={provider} provider={provider} connection={connections.data.items.find((c) => c.provider === provider)} />
            ))}
          </ul>
        ))}
    </section>
  );
}
