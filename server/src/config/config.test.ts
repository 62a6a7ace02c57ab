import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, ConfigSchema, cookiesAreSecure, loadConfig } from './config';

describe('config', () => {
  it('when nothing is set, then the embedded defaults apply', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, REDIS_PREFIX: 'muse:' });
    expect(c.DATABASE_URL ?? c.REDIS_URL ?? c.MONGO_URL).toBeUndefined();
    expect(cookiesAreSecure(c)).toBe(false);
  });

  it('when a variable is bad, then the error names it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' })).toThrow(/DATABASE_URL[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*DATABASE_URL/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://ok.example, nope' })).toThrow(/CORS_ORIGINS/);
  });

  it('when empty strings are given, then they count as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it('when PUBLIC_URL is https, then cookies are secure unless overridden', () => {
    expect(cookiesAreSecure(loadConfig({ PUBLIC_URL: 'https://muse.example' }))).toBe(true);
    expect(cookiesAreSecure(loadConfig({ PUBLIC_URL: 'https://muse.example', COOKIE_SECURE: 'false' }))).toBe(false);
  });

  it('when ADMIN_HANDLES and CORS_ORIGINS are lists, then they are parsed', () => {
    const c = loadConfig({ ADMIN_HANDLES: 'Ana, bo ,', CORS_ORIGINS: 'https://a.example,https://b.example' });
    expect(c.ADMIN_HANDLES).toEqual(['ana', 'bo']);
    expect(c.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });
});

describe('config: music services', () => {
  it('when nothing is set, then the sandbox is automatic and Apple uses the us storefront', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PROVIDER_SANDBOX: 'auto', PROVIDER_SANDBOX_PORT: 0, APPLE_STOREFRONT: 'us' });
    expect(c.SPOTIFY_CLIENT_ID ?? c.APPLE_PRIVATE_KEY ?? c.TOKEN_ENCRYPTION_KEYS).toBeUndefined();
  });

  it('when the Spotify redirect URL is http on localhost or another host, then it is refused; https and loopback IPs pass', () => {
    expect(() => loadConfig({ SPOTIFY_REDIRECT_URL: 'http://localhost:3000/api/auth/spotify/callback' })).toThrow(/SPOTIFY_REDIRECT_URL/);
    expect(() => loadConfig({ SPOTIFY_REDIRECT_URL: 'http://muse.example/cb' })).toThrow(/SPOTIFY_REDIRECT_URL/);
    expect(loadConfig({ SPOTIFY_REDIRECT_URL: 'http://127.0.0.1:3000/cb' }).SPOTIFY_REDIRECT_URL).toBe('http://127.0.0.1:3000/cb');
    expect(loadConfig({ SPOTIFY_REDIRECT_URL: 'http://[::1]:3000/cb' }).SPOTIFY_REDIRECT_URL).toBe('http://[::1]:3000/cb');
    expect(loadConfig({ SPOTIFY_REDIRECT_URL: 'https://muse.example/cb' }).SPOTIFY_REDIRECT_URL).toBe('https://muse.example/cb');
  });

  it('when the Apple key is given on one line with \\n, then it becomes a PEM; other text is refused', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\\nMIGTAgEAMBMGByqGSM49\\n-----END PRIVATE KEY-----';
    expect(loadConfig({ APPLE_PRIVATE_KEY: pem }).APPLE_PRIVATE_KEY).toBe('-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----');
    expect(() => loadConfig({ APPLE_PRIVATE_KEY: 'secret' })).toThrow(/APPLE_PRIVATE_KEY/);
    expect(() => loadConfig({ APPLE_TEAM_ID: 'abc' })).toThrow(/APPLE_TEAM_ID/);
    expect(() => loadConfig({ APPLE_STOREFRONT: 'USA' })).toThrow(/APPLE_STOREFRONT/);
    expect(() => loadConfig({ PROVIDER_SANDBOX: 'maybe' })).toThrow(/PROVIDER_SANDBOX/);
  });

  it('when token encryption keys are listed, then each is a key id and 32 bytes, in order; bad ones name the variable', () => {
    const k1 = Buffer.alloc(32, 1).toString('base64');
    const k2 = Buffer.alloc(32, 2).toString('base64');
    const keys = loadConfig({ TOKEN_ENCRYPTION_KEYS: `new:${k2}, old:${k1}` }).TOKEN_ENCRYPTION_KEYS!;
    expect(keys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(keys[0]!.key.equals(Buffer.alloc(32, 2))).toBe(true);
    for (const bad of [`k1:${Buffer.alloc(16).toString('base64')}`, 'k1', `k1:${k1},k1:${k2}`, ',', `ключ:${k1}`]) {
      expect(() => loadConfig({ TOKEN_ENCRYPTION_KEYS: bad })).toThrow(/TOKEN_ENCRYPTION_KEYS/);
    }
  });
});

it('when a variable is read, then .env.example documents it (and nothing else)', () => {
  const example = fs.readFileSync(path.resolve(__dirname, '../../../.env.example'), 'utf8');
  const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
  expect(documented).toEqual(Object.keys(ConfigSchema.shape).sort());
});
