import type { AddressInfo } from 'node:net';
import { generateAppleKeyPair, type AppleCredentials } from './apple-developer-token';
import { createSandboxApp, initialSandboxState } from './sandbox-app';
import { loadSandboxCatalog } from './sandbox-catalog';
import type { SandboxCatalog } from './sandbox-catalog-types';
import { CallCounter, SandboxKnobs, type SandboxService } from './sandbox-knobs';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SandboxTokens } from './sandbox-tokens';

export interface StartSandboxOptions {
  /** 0 (default) takes any free port. */
  port?: number;
  /** Seed of the catalog's divergence and ids; the same seed gives the same catalog. */
  seed?: string;
  /** A catalog built beforehand (tests that start many sandboxes build it once). */
  catalog?: SandboxCatalog;
  /** The clock tokens expire by (tests move it forward instead of waiting an hour). */
  now?: () => number;
}

/** A running sandbox: its origin, knobs, call counts and the credentials Muse uses against it. */
export interface ProviderSandbox {
  /** `http://127.0.0.1:<port>`; the services live under `/spotify-accounts`, `/spotify/v1`, `/apple/v1`, `/apple-auth`, `/artwork`. */
  url: string;
  knobs: SandboxKnobs;
  catalog: SandboxCatalog;
  calls(): ReturnType<CallCounter['snapshot']>;
  resetCalls(): void;
  /** Revokes a user's grant: the next Spotify refresh answers `invalid_grant`, Apple's Music-User-Token stops working. */
  revoke(service: SandboxService, userId: string): void;
  appleCredentials(): AppleCredentials;
  spotifyCredentials(): { clientId: string; clientSecret: string };
  stop(): Promise<void>;
}

/**
 * Starts the offline stand-in for Spotify and Apple Music on 127.0.0.1, for `npm start` when no
 * real credentials are configured and for tests. Only loopback: it never listens elsewhere.
 */
export async function startProviderSandbox(options: StartSandboxOptions = {}): Promise<ProviderSandbox> {
  const catalog = options.catalog ?? (await loadSandboxCatalog(options.seed));
  const knobs = new SandboxKnobs();
  const calls = new CallCounter();
  const tokens = new SandboxTokens(options.now);
  const appleKeys = generateAppleKeyPair();
  const app = createSandboxApp({ catalog, knobs, calls, tokens, appleKeys }, initialSandboxState(catalog.seed));
  const server = app.listen(options.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    knobs,
    catalog,
    calls: () => calls.snapshot(),
    resetCalls: () => calls.reset(),
    revoke: (service, userId) => tokens.revoke(service, userId),
    appleCredentials: () => ({ ...appleKeys.credentials }),
    spotifyCredentials: () => ({ clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Requests held open by a `timeout` fault would keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}
