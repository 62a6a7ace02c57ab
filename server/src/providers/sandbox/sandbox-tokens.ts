import crypto from 'node:crypto';
import type { SandboxService } from './sandbox-knobs';

/** The fixed demo credentials of the contract. */
export const SANDBOX_CLIENT_ID = 'muse-sandbox-client';
export const SANDBOX_CLIENT_SECRET = 'muse-sandbox-secret';
export const ACCESS_TOKEN_SECONDS = 3600;
const CODE_SECONDS = 600;

export interface AuthorizationCode {
  userId: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  expiresAt: number;
}

export interface AccessGrant {
  service: SandboxService;
  /** Null for a client-credentials token (app-level calls). */
  userId: string | null;
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

export interface RefreshGrant {
  userId: string;
  clientId: string;
  scopes: string[];
}

function randomToken(prefix: string, bytes = 32): string {
  return prefix + crypto.randomBytes(bytes).toString('base64url');
}

/**
 * Codes, access tokens, refresh tokens and Music-User-Tokens the sandbox has handed out, so it
 * can refuse expired, unknown and revoked ones the way the services do.
 */
export class SandboxTokens {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, RefreshGrant>();
  private readonly musicUserTokens = new Map<string, { userId: string }>();

  constructor(private readonly now: () => number = Date.now) {}

  issueCode(grant: Omit<AuthorizationCode, 'expiresAt'>): string {
    const code = randomToken('sbxcode-');
    this.codes.set(code, { ...grant, expiresAt: this.now() + CODE_SECONDS * 1000 });
    return code;
  }

  /** A code works once: taking it removes it, whether the exchange then succeeds or not. */
  takeCode(code: string): AuthorizationCode | null {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found && found.expiresAt > this.now() ? found : null;
  }

  issueAccess(grant: Omit<AccessGrant, 'expiresAt'>): string {
    const token = randomToken('sbxat-');
    this.access.set(token, { ...grant, expiresAt: this.now() + ACCESS_TOKEN_SECONDS * 1000 });
    return token;
  }

  /** 'expired' for a token past its hour (or all tokens while `expireTokens` is on). */
  checkAccess(token: string, forceExpired: boolean): AccessGrant | 'expired' | 'invalid' {
    const grant = this.access.get(token);
    if (!grant) return 'invalid';
    if (forceExpired || grant.expiresAt <= this.now()) return 'expired';
    return grant;
  }

  issueRefresh(grant: RefreshGrant): string {
    const token = randomToken('sbxrt-');
    this.refresh.set(token, grant);
    return token;
  }

  findRefresh(token: string): RefreshGrant | null {
    return this.refresh.get(token) ?? null;
  }

  issueMusicUserToken(userId: string): string {
    const token = randomToken('sbxmut-', 48);
    this.musicUserTokens.set(token, { userId });
    return token;
  }

  findMusicUser(token: string): string | null {
    return this.musicUserTokens.get(token)?.userId ?? null;
  }

  /** Revokes every grant a user gave on one service, as when they remove the app in their account page. */
  revoke(service: SandboxService, userId: string): void {
    if (service === 'spotify') {
      for (const [token, grant] of this.refresh) if (grant.userId === userId) this.refresh.delete(token);
      for (const [token, grant] of this.access) if (grant.service === 'spotify' && grant.userId === userId) this.access.delete(token);
    } else {
      for (const [token, grant] of this.musicUserTokens) if (grant.userId === userId) this.musicUserTokens.delete(token);
    }
  }
}
