import { loadConfig } from '../config/config';
import { REAL_BASE_URLS, resolveProviderSetup, sandboxNeeded, servicesOnSandbox } from './provider-config';

const sandbox = {
  url: 'http://127.0.0.1:4555/',
  appleCredentials: () => ({ teamId: 'SANDBOXTEAM', keyId: 'SANDBOXKEY', privateKeyPem: 'sandbox-pem' }),
};
const PEM = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----';
const spotifyEnv = { SPOTIFY_CLIENT_ID: 'real-id', SPOTIFY_CLIENT_SECRET: 'real-secret' };
const appleEnv = { APPLE_TEAM_ID: 'TEAM123456', APPLE_KEY_ID: 'KEY1234567', APPLE_PRIVATE_KEY: PEM };

describe('provider config', () => {
  it('when no credentials are set, then both services use the sandbox with its demo credentials and the loopback redirect', () => {
    const config = loadConfig({ PORT: '3100' });
    expect(sandboxNeeded(config)).toBe(true);
    const setup = resolveProviderSetup(config, sandbox);
    expect(setup.sandboxUrl).toBe('http://127.0.0.1:4555');
    expect(setup.spotify).toEqual({
      mode: 'sandbox',
      accountsBaseUrl: 'http://127.0.0.1:4555/spotify-accounts',
      apiBaseUrl: 'http://127.0.0.1:4555/spotify/v1',
      clientId: 'muse-sandbox-client',
      clientSecret: 'muse-sandbox-secret',
      redirectUrl: 'http://127.0.0.1:3100/api/auth/spotify/callback',
    });
    expect(setup.apple).toMatchObject({
      mode: 'sandbox',
      apiBaseUrl: 'http://127.0.0.1:4555/apple/v1',
      teamId: 'SANDBOXTEAM',
      authorizeUrl: 'http://127.0.0.1:4555/apple-auth/authorize',
      storefront: 'us',
    });
  });

  it('when all credentials are set, then the real services are used and no sandbox is needed', () => {
    const config = loadConfig({ ...spotifyEnv, ...appleEnv, SPOTIFY_REDIRECT_URL: 'https://muse.example/api/auth/spotify/callback', APPLE_STOREFRONT: 'gb' });
    expect(sandboxNeeded(config)).toBe(false);
    const setup = resolveProviderSetup(config, null);
    expect(setup.sandboxUrl).toBeNull();
    expect(setup.spotify).toMatchObject({
      mode: 'real',
      accountsBaseUrl: REAL_BASE_URLS.spotifyAccounts,
      apiBaseUrl: REAL_BASE_URLS.spotifyApi,
      clientId: 'real-id',
    });
    expect(setup.spotify!.redirectUrl).toBe('https://muse.example/api/auth/spotify/callback');
    expect(setup.apple).toMatchObject({
      mode: 'real',
      apiBaseUrl: REAL_BASE_URLS.appleApi,
      teamId: 'TEAM123456',
      privateKeyPem: PEM,
      storefront: 'gb',
      authorizeUrl: null,
    });
  });

  it('when only Spotify is configured, then auto puts Apple alone on the sandbox', () => {
    const config = loadConfig(spotifyEnv);
    expect(servicesOnSandbox(config)).toEqual({ spotify: false, apple: true });
    const setup = resolveProviderSetup(config, sandbox);
    expect([setup.spotify!.mode, setup.apple!.mode]).toEqual(['real', 'sandbox']);
    expect(() => resolveProviderSetup(config, null)).toThrow(/sandbox must be running/);
  });

  it('when the sandbox is forced on or off, then credentials are ignored or services without them are unavailable', () => {
    expect(resolveProviderSetup(loadConfig({ ...spotifyEnv, ...appleEnv, PROVIDER_SANDBOX: 'on' }), sandbox).spotify!.mode).toBe('sandbox');
    const off = resolveProviderSetup(loadConfig({ ...appleEnv, PROVIDER_SANDBOX: 'off' }), null);
    expect(off.spotify).toBeNull();
    expect(off.apple!.mode).toBe('real');
  });
});
