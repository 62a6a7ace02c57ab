import { createHash, randomBytes } from 'node:crypto';
import { type ProviderCredentials, ProviderError } from '../music-provider.port';
import { parseAnswer } from '../parse-answer';
import { ProviderHttp, type ProviderHttpOptions } from '../provider-http';
import { type ProviderClock, realClock } from '../token-bucket';
import { SpotifyTokenAnswer } from './spotify-schemas';

/** Scopes Muse asks for: who the user is, their playlists (read, create, append). */
export const SPOTIFY_SCOPES = [
  'user-read-email',
  'user-read-private',
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-private',
  'playlist-modify-public',
];

/** A PKCE pair (RFC 7636, S256): the verifier stays in the session, the challenge goes in the authorize URL. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url'); // 64 characters, within 43..128
  return { verifier, challenge: pkceChallenge(verifier) };
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** An unguessable `state` that ties the callback to the browser session that started the sign-in. */
export function createOAuthState(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The Spotify authorize URL (authorization code with PKCE). Spotify accepts only https or loopback-IP
 * redirect URIs (`http://127.0.0.1:PORT/...`), so `redirectUri` must be one of those, registered as is.
 */
export function spotifyAuthorizeUrl(opts: {
  accountsBaseUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes?: string[];
  showDialog?: boolean;
}): string {
  const url = new URL(opts.accountsBaseUrl.replace(/\/+$/, '') + '/authorize');
  url.searchParams.set('client_id', opts.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', opts.redirectUri);
  url.searchParams.set('state', opts.state);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('code_challenge', opts.codeChallenge);
  url.searchParams.set('scope', (opts.scopes ?? SPOTIFY_SCOPES).join(' '));
  if (opts.showDialog) url.searchParams.set('show_dialog', 'true');
  return url.toString();
}

/** What the token endpoint handed out, with the scopes actually granted. */
export interface SpotifyTokens extends ProviderCredentials {
  refreshToken: string | null;
  expiresAt: Date;
  scopes: string[];
}

const TOKEN = 'POST /api/token';
/** A token is treated as expired this long before Spotify's expiry, so no call goes out with one about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Spotify Accounts' token endpoint: code exchange, refresh, and the app's client-credentials token
 * (cached until shortly before it expires). Direct calls through ProviderHttp: spotify-web-api-node's
 * `authorizationCodeGrant`/`refreshAccessToken`/`clientCredentialsGrant` hard-wire accounts.spotify.com
 * and send no PKCE verifier.
 */
export class SpotifyAccounts {
  readonly http: ProviderHttp;
  private appToken: { token: string; expiresAt: number } | null = null;
  private appTokenPending: Promise<string> | null = null;
  private readonly clock: ProviderClock;

  constructor(
    private readonly opts: { accountsBaseUrl: string; clientId: string; clientSecret: string } & Omit<
      ProviderHttpOptions,
      'baseUrl' | 'headers' | 'onUnauthorized'
    >,
  ) {
    this.clock = opts.clock ?? realClock;
    const basic = Buffer.from(`${opts.clientId}:${opts.clientSecret}`).toString('base64');
    this.http = new ProviderHttp({ ...opts, baseUrl: opts.accountsBaseUrl, headers: () => ({ authorization: `Basic ${basic}` }) });
  }

  /** Ends the authorization-code flow: the code and the session's PKCE verifier for tokens. */
  async exchangeCode(code: string, redirectUri: string, codeVerifier: string): Promise<SpotifyTokens> {
    return this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier }, null);
  }

  /** New tokens for a connection; Spotify may or may not rotate the refresh token, so the old one is kept if not. */
  async refresh(refreshToken: string): Promise<SpotifyTokens> {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken }, refreshToken);
  }

  /** The app's own token for calls without a user (search, albums); concurrent callers share one request. */
  async clientCredentialsToken(): Promise<string> {
    if (this.appToken && this.appToken.expiresAt - EXPIRY_MARGIN_MS > this.clock.now()) return this.appToken.token;
    this.appTokenPending ??= this.token({ grant_type: 'client_credentials' }, null)
      .then((t) => {
        this.appToken = { token: t.accessToken, expiresAt: t.expiresAt.getTime() };
        return t.accessToken;
      })
      .finally(() => (this.appTokenPending = null));
    return this.appTokenPending;
  }

  /** Forgets the cached app token (after a 401 says it is no longer good). */
  dropClientCredentialsToken(): void {
    this.appToken = null;
  }

  private async token(form: Record<string, string>, previousRefresh: string | null): Promise<SpotifyTokens> {
    const res = await this.http.json({ method: 'POST', path: '/api/token', endpoint: TOKEN, form }).catch((err: unknown) => {
      // A revoked or used-up grant answers 400 invalid_grant: to the connection that means "sign in again".
      if (err instanceof ProviderError && err.status === 400)
        throw new ProviderError('unauthorized', err.message, { status: 400, endpoint: TOKEN, cause: err });
      throw err;
    });
    const t = parseAnswer(SpotifyTokenAnswer, res.body, TOKEN);
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? previousRefresh,
      expiresAt: new Date(this.clock.now() + t.expires_in * 1000),
      scopes: t.scope ? t.scope.split(' ').filter(Boolean) : [],
    };
  }
}
