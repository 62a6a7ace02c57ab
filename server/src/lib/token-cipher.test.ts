import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config';
import { createLogger } from './logger';
import { keyIdOf, TokenCipher, TokenDecryptError, tokenKeysFromConfig } from './token-cipher';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('TokenCipher', () => {
  const k1 = key('k1');
  const cipher = new TokenCipher([k1]);

  it('round-trips unicode and long tokens, with a fresh IV every time', () => {
    const token = 'BQD-ünïcode-🎵-' + 'x'.repeat(5000);
    const a = cipher.encrypt(token, 'ctx');
    const b = cipher.encrypt(token, 'ctx');
    expect(a).not.toEqual(b);
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    // Any three characters turn up by chance in ~6,700 random base64 ones; sixteen do not.
    expect(a).not.toContain('x'.repeat(16));
    expect(a).not.toContain(Buffer.from(token.slice(0, 12)).toString('base64url'));
    expect(cipher.decrypt(a, 'ctx')).toBe(token);
    expect(cipher.decrypt(cipher.encrypt(''), '')).toBe('');
  });

  it('refuses tampered ciphertexts, tags, ivs, a wrong context and malformed input', () => {
    const sealed = cipher.encrypt('secret-token', 'user:1');
    const parts = sealed.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const i of [2, 3, 4]) {
      const bad = [...parts];
      bad[i] = flip(bad[i]!);
      expect(() => cipher.decrypt(bad.join('.'), 'user:1')).toThrow(TokenDecryptError);
    }
    expect(() => cipher.decrypt(sealed, 'user:2')).toThrow(TokenDecryptError);
    for (const junk of ['', 'v1', 'v2.k1.a.b.c', 'v1.k1.a.b.c', 'v1.nokey.' + parts.slice(2).join('.')]) {
      expect(() => cipher.decrypt(junk, 'user:1')).toThrow(TokenDecryptError);
    }
  });

  it('rotates: a new first key encrypts, old ciphertexts still decrypt and are flagged for re-encryption', () => {
    const old = cipher.encrypt('old-token');
    const rotated = new TokenCipher([key('k2'), k1]);
    expect(rotated.decrypt(old)).toBe('old-token');
    expect(rotated.needsReencryption(old)).toBe(true);
    const fresh = rotated.encrypt('new-token');
    expect(fresh.split('.')[1]).toBe('k2');
    expect(rotated.needsReencryption(fresh)).toBe(false);
    // Once the old key is retired, its ciphertexts are unreadable rather than wrongly decrypted.
    expect(() => new TokenCipher([key('k2')]).decrypt(old)).toThrow(TokenDecryptError);
  });

  it('when re-encrypting, then an old ciphertext comes back under the current key with the same plaintext, and a current one comes back unchanged', () => {
    const old = cipher.encrypt('old-token', 'user:1');
    const rotated = new TokenCipher([key('k2'), k1]);
    const moved = rotated.reencrypt(old, 'user:1');
    expect(keyIdOf(moved)).toBe('k2');
    expect(rotated.decrypt(moved, 'user:1')).toBe('old-token');
    expect(rotated.reencrypt(moved, 'user:1')).toBe(moved);
    // The context still binds: a ciphertext of another row does not move, it fails.
    expect(() => rotated.reencrypt(old, 'user:2')).toThrow(TokenDecryptError);
    expect(() => new TokenCipher([key('k3')]).reencrypt(old, 'user:1')).toThrow(TokenDecryptError);
  });

  it('refuses keys that are not 32 bytes or ids that would break the format', () => {
    expect(() => new TokenCipher([])).toThrow();
    expect(() => new TokenCipher([{ id: 'k', key: randomBytes(16) }])).toThrow();
    expect(() => new TokenCipher([{ id: 'a.b', key: randomBytes(32) }])).toThrow();
  });
});

describe('tokenKeysFromConfig', () => {
  const logger = createLogger('silent');
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-keys-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses TOKEN_ENCRYPTION_KEYS in order when set', () => {
    const a = randomBytes(32).toString('base64');
    const b = randomBytes(32).toString('base64');
    const keys = tokenKeysFromConfig(loadConfig({ TOKEN_ENCRYPTION_KEYS: `new:${a},old:${b}`, DATA_DIR: dir }), logger);
    expect(keys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses to start in production without keys', () => {
    expect(() => tokenKeysFromConfig(loadConfig({ NODE_ENV: 'production', DATA_DIR: dir }), logger)).toThrow(/TOKEN_ENCRYPTION_KEYS is required/);
  });

  it('in development makes one per-install key under DATA_DIR, readable only by its owner, and keeps it', () => {
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
    const first = tokenKeysFromConfig(config, logger);
    const second = tokenKeysFromConfig(config, logger);
    expect(first[0]!.key.equals(second[0]!.key)).toBe(true);
    const stat = fs.statSync(path.join(dir, 'token-encryption.key'));
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged key file instead of silently replacing it', () => {
    fs.writeFileSync(path.join(dir, 'token-encryption.key'), 'short');
    expect(() => tokenKeysFromConfig(loadConfig({ DATA_DIR: dir }), logger)).toThrow(/does not hold/);
  });
});
