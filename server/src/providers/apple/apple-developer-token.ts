import { importPKCS8, SignJWT, type CryptoKey } from 'jose';
import { type ProviderClock, realClock } from '../token-bucket';

/** Apple accepts developer tokens valid for at most 6 months (15,777,000 s). */
export const APPLE_MAX_TOKEN_SECONDS = 15_777_000;

/**
 * The app's Apple Music developer token: an ES256 JWT (`kid` = key id, `iss` = team id) signed with the
 * MusicKit private key. Signed once and reused; signed again before it expires, or at once after Apple
 * answers 401 (`renew`).
 */
export class AppleDeveloperToken {
  private key: Promise<CryptoKey> | null = null;
  private current: { jwt: string; expiresAt: number } | null = null;
  private readonly clock: ProviderClock;
  private readonly ttlSeconds: number;
  private readonly renewBeforeSeconds: number;

  constructor(
    private readonly opts: {
      teamId: string;
      keyId: string;
      /** PKCS#8 PEM (the .p8 file Apple hands out); `\n` written as two characters is accepted. */
      privateKeyPem: string;
      /** Default 12 hours; capped at Apple's 6 months. */
      ttlSeconds?: number;
      renewBeforeSeconds?: number;
      clock?: ProviderClock;
    },
  ) {
    this.clock = opts.clock ?? realClock;
    this.ttlSeconds = Math.min(APPLE_MAX_TOKEN_SECONDS, Math.max(60, opts.ttlSeconds ?? 12 * 3600));
    this.renewBeforeSeconds = Math.min(this.ttlSeconds / 2, opts.renewBeforeSeconds ?? 600);
  }

  /** A token with at least `renewBeforeSeconds` left. */
  async get(): Promise<string> {
    const now = this.clock.now();
    if (this.current && this.current.expiresAt - this.renewBeforeSeconds * 1000 > now) return this.current.jwt;
    this.key ??= importPKCS8(normalisePem(this.opts.privateKeyPem), 'ES256');
    const iat = Math.floor(now / 1000);
    const exp = iat + this.ttlSeconds;
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: this.opts.keyId })
      .setIssuer(this.opts.teamId)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(await this.key);
    this.current = { jwt, expiresAt: exp * 1000 };
    return jwt;
  }

  /** Forgets the current token so the next call signs a new one. */
  renew(): void {
    this.current = null;
  }
}

/** Environment variables often carry a PEM on one line with literal `\n`. */
export function normalisePem(pem: string): string {
  return pem.replace(/\\n/g, '\n').trim();
}
