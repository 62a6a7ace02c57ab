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

it('when a variable is read, then .env.example documents it (and nothing else)', () => {
  const example = fs.readFileSync(path.resolve(__dirname, '../../../.env.example'), 'utf8');
  const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
  expect(documented).toEqual(Object.keys(ConfigSchema.shape).sort());
});
