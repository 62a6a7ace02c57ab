import { type Config } from '../config/config';

/** Where and as whom Muse talks to Spotify: the real service with the app's credentials, or the sandbox's. */
export interface SpotifySetup {
  mode: 'real' | 'sandbox';
  accountsBaseUrl: string;
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

/** Where and as whom Muse talks to Apple Music; `authorizeUrl` is the sandbox's MusicKit-like page (null: MusicKit JS). */
export interface AppleSetup {
  mode: 'real' | 'sandbox';
  apiBaseUrl: string;
  teamId: string;
  keyId: string;
  privateKeyPem: string;
  storefront: string;
  authorizeUrl: string | null;
}

export interface ProviderSetup {
  spotify: SpotifySetup | null;
  apple: AppleSetup | null;
  /** Origin of the sandbox when any service uses it (artwork and sign-in pages live there too). */
  sandboxUrl: string | null;
}

/** A running sandbox as this module needs it: its origin and the Apple key it accepts developer tokens from. */
export interface SandboxEndpoint {
  url: string;
  appleCredentials(): { teamId: string; keyId: string; privateKeyPem: string };
  spotifyCredentials?(): { clientId: string; clientSecret: string };
}

export const REAL_BASE_URLS = {
  spotifyAccounts: 'https://accounts.spotify.com',
  spotifyApi: 'https://api.spotify.com/v1',
  appleApi: 'https://api.music.apple.com/v1',
} as const;

/** The sandbox's fixed demo credentials (the contract's), used when the sandbox object does not tell. */
const SANDBOX_SPOTIFY = { clientId: 'muse-sandbox-client', clientSecret: 'muse-sandbox-secret' };

function spotifyCredentialsSet(c: Config): boolean {
  return Boolean(c.SPOTIFY_CLIENT_ID && c.SPOTIFY_CLIENT_SECRET);
}

function appleCredentialsSet(c: Config): boolean {
  return Boolean(c.APPLE_TEAM_ID && c.APPLE_KEY_ID && c.APPLE_PRIVATE_KEY);
}

/** Which services should talk to the sandbox under `PROVIDER_SANDBOX` (auto: each service whose credentials are missing). */
export function servicesOnSandbox(config: Config): { spotify: boolean; apple: boolean } {
  if (config.PROVIDER_SANDBOX === 'on') return { spotify: true, apple: true };
  if (config.PROVIDER_SANDBOX === 'off') return { spotify: false, apple: false };
  return { spotify: !spotifyCredentialsSet(config), apple: !appleCredentialsSet(config) };
}

/** Whether the process must start the sandbox before wiring providers. */
export function sandboxNeeded(config: Config): boolean {
  const on = servicesOnSandbox(config);
  return on.spotify || on.apple;
}

/** The redirect URL Spotify sends the browser back to (a loopback IP by default, as Spotify requires for http). */
export function spotifyRedirectUrl(config: Config): string {
  return config.SPOTIFY_REDIRECT_URL ?? `http://127.0.0.1:${config.PORT}/api/auth/spotify/callback`;
}

/**
 * Base URLs and credentials per service: the real services when their credentials are set (and the
 * sandbox is not forced on), else the sandbox at `sandbox.url`. A service is null when it has neither
 * (PROVIDER_SANDBOX=off without credentials) — features then say it is not available.
 */
export function resolveProviderSetup(config: Config, sandbox: SandboxEndpoint | null): ProviderSetup {
  const onSandbox = servicesOnSandbox(config);
  if ((onSandbox.spotify || onSandbox.apple) && !sandbox)
    throw new Error('The provider sandbox must be running: no credentials are configured for at least one music service.');
  const origin = sandbox?.url.replace(/\/+$/, '') ?? null;

  let spotify: SpotifySetup | null = null;
  if (onSandbox.spotify) {
    const creds = sandbox!.spotifyCredentials?.() ?? SANDBOX_SPOTIFY;
    spotify = {
      mode: 'sandbox',
      accountsBaseUrl: `${origin}/spotify-accounts`,
      apiBaseUrl: `${origin}/spotify/v1`,
      ...creds,
      redirectUrl: spotifyRedirectUrl(config),
    };
  } else if (spotifyCredentialsSet(config)) {
    spotify = {
      mode: 'real',
      accountsBaseUrl: REAL_BASE_URLS.spotifyAccounts,
      apiBaseUrl: REAL_BASE_URLS.spotifyApi,
      clientId: config.SPOTIFY_CLIENT_ID!,
      clientSecret: config.SPOTIFY_CLIENT_SECRET!,
      redirectUrl: spotifyRedirectUrl(config),
    };
  }

  let apple: AppleSetup | null = null;
  if (onSandbox.apple) {
    apple = {
      mode: 'sandbox',
      apiBaseUrl: `${origin}/apple/v1`,
      ...sandbox!.appleCredentials(),
      storefront: config.APPLE_STOREFRONT,
      authorizeUrl: `${origin}/apple-auth/authorize`,
    };
  } else if (appleCredentialsSet(config)) {
    apple = {
      mode: 'real',
      apiBaseUrl: REAL_BASE_URLS.appleApi,
      teamId: config.APPLE_TEAM_ID!,
      keyId: config.APPLE_KEY_ID!,
      privateKeyPem: config.APPLE_PRIVATE_KEY!,
      storefront: config.APPLE_STOREFRONT,
      authorizeUrl: null,
    };
  }
  return { spotify, apple, sandboxUrl: onSandbox.spotify || onSandbox.apple ? origin : null };
}
