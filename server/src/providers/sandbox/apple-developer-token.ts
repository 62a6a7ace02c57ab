import crypto, { type KeyObject } from 'node:crypto';

/** The contract's fixed Apple identifiers; the key pair itself is new at every sandbox start. */
export const SANDBOX_APPLE_TEAM_ID = 'SANDBOXTEAM';
export const SANDBOX_APPLE_KEY_ID = 'SANDBOXKEY';
const MAX_LIFETIME_SECONDS = 15_777_000;

/** What Muse needs to sign developer tokens the sandbox accepts, as Apple's developer account gives them. */
export interface AppleCredentials {
  teamId: string;
  keyId: string;
  privateKeyPem: string;
}

export interface AppleKeyPair {
  credentials: AppleCredentials;
  publicKey: KeyObject;
}

/** A fresh P-256 key pair under the sandbox's team and key id. */
export function generateAppleKeyPair(): AppleKeyPair {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    credentials: { teamId: SANDBOX_APPLE_TEAM_ID, keyId: SANDBOX_APPLE_KEY_ID, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    publicKey,
  };
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Checks a developer token as Apple does: an ES256 JWT whose header names the key id, whose
 * `iss` is the team id, issued in the past, not expired and living at most six months.
 * Returns null when it is good, else why not (for the sandbox's log and tests).
 */
export function developerTokenProblem(token: string, keys: AppleKeyPair, nowSeconds = Math.floor(Date.now() / 1000)): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return 'not a JWT';
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  if (!header || !payload) return 'unreadable JWT';
  if (header.alg !== 'ES256') return 'alg must be ES256';
  if (header.kid !== keys.credentials.keyId) return 'unknown kid';
  if (payload.iss !== keys.credentials.teamId) return 'iss must be the team id';
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') return 'iat and exp are required';
  if (iat > nowSeconds + 60) return 'issued in the future';
  if (exp <= nowSeconds) return 'expired';
  if (exp - iat > MAX_LIFETIME_SECONDS) return 'lives longer than six months';
  const signature = Buffer.from(signaturePart, 'base64url');
  const valid = crypto.verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`), { key: keys.publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  return valid ? null : 'bad signature';
}
