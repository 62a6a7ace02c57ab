import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config';
import type { Logger } from './logger';

/** One AES-256 key and the id its ciphertexts carry, so a key can be found again after rotation. */
export interface TokenKey {
  id: string;
  key: Buffer;
}

/** A stored ciphertext that cannot be read: unknown key id, wrong format, or tampered with. */
export class TokenDecryptError extends Error {}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts provider tokens at rest with AES-256-GCM. Each ciphertext is
 * `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts): the first key encrypts, every key decrypts,
 * so rotating means prepending a new key and re-encrypting old ciphertexts (`reencrypt`; a refresh
 * also writes new tokens under the current key). `context` is bound as associated data, so a
 * ciphertext copied into another row or field does not decrypt there.
 */
export class TokenCipher {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly TokenKey[]) {
    if (!keys.length) throw new Error('TokenCipher needs at least one key');
    for (const k of keys) {
      if (k.key.length !== 32) throw new Error(`token key ${k.id} is not 32 bytes`);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.id)) throw new Error(`token key id ${k.id} may hold only letters, digits, _ and -`);
    }
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The id of the key new ciphertexts are made with. */
  get currentKeyId(): string {
    return this.keys[0]!.id;
  }

  encrypt(plaintext: string, context = ''): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string, context = ''): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new TokenDecryptError('not a v1 token ciphertext');
    const [, kid, ivText, tagText, bodyText] = parts as [string, string, string, string, string];
    const key = this.byId.get(kid);
    if (!key) throw new TokenDecryptError(`no key with id ${kid} is configured`);
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenDecryptError('malformed token ciphertext');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenDecryptError('token ciphertext failed authentication');
    }
  }

  /** Whether a ciphertext was made with an older key (rotation re-encrypts it on the next write). */
  needsReencryption(sealed: string): boolean {
    return keyIdOf(sealed) !== this.currentKeyId;
  }

  /** The same plaintext sealed under the current key, or `sealed` itself when it already is; throws TokenDecryptError when unreadable. */
  reencrypt(sealed: string, context = ''): string {
    return this.needsReencryption(sealed) ? this.encrypt(this.decrypt(sealed, context), context) : sealed;
  }
}

/** The key id a ciphertext names (not secret: it says which configured key opens it). */
export function keyIdOf(sealed: string): string | undefined {
  return sealed.split('.')[1];
}

const LOCAL_KEY_FILE = 'token-encryption.key';

/**
 * The keys of this process: `TOKEN_ENCRYPTION_KEYS` when set. Without it, production refuses to
 * start (tokens must not be readable by whoever gets the database); development and tests use a
 * per-install key kept in `DATA_DIR/token-encryption.key` (mode 0600), with a warning, so stored
 * connections survive restarts.
 */
export function tokenKeysFromConfig(config: Config, logger: Logger): TokenKey[] {
  if (config.TOKEN_ENCRYPTION_KEYS?.length) return config.TOKEN_ENCRYPTION_KEYS;
  if (config.NODE_ENV === 'production') {
    throw new Error('TOKEN_ENCRYPTION_KEYS is required in production: set it to kid:$(openssl rand -base64 32). See .env.example.');
  }
  const file = path.resolve(config.DATA_DIR, LOCAL_KEY_FILE);
  const key = readOrCreateLocalKey(file);
  logger.warn({ file }, 'TOKEN_ENCRYPTION_KEYS is not set: provider tokens are encrypted with a key generated for this install');
  return [{ id: 'local', key }];
}

function readOrCreateLocalKey(file: string): Buffer {
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
    throw new Error(`${file} does not hold a base64 32-byte key; remove it to make a new one (stored connections are then lost)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    // wx: two processes starting at once must not overwrite each other's key.
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateLocalKey(file);
    throw err;
  }
}
