import type { Redis } from 'ioredis';
import type { ProviderName } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { randomToken, sha256 } from '../../lib/ids';
import type { Session } from '../auth/session.store';
import type { AuthService, SignedIn } from '../auth/auth.service';
import type { ProviderFactory } from '../../providers/provider-factory';
import { ProviderError } from '../../providers/music-provider.port';
import { createOAuthState, createPkcePair, spotifyAuthorizeUrl } from '../../providers/spotify/spotify-accounts';
import type { ConnectionsService, NewConnection } from './connections.service';
import type { TokenCipher } from '../../lib/token-cipher';

/** How long an authorize round trip and a pending sign-up may take. */
export const OAUTH_TTL_SECONDS = 600;

/** What starting an authorize round trip gives the route: where to send the browser and the secret its cookie keeps. */
export interface AuthorizeStart {
  url: string;
  browserSecret: string;
}

/** Where the callback sends the browser next, and the session or pending sign-up it made. */
export type CallbackOutcome =
  | { kind: 'signed-in'; signedIn: SignedIn; redirect: string }
  | { kind: 'connected'; redirect: string }
  | { kind: 'signup'; pendingSecret: string; redirect: string }
  | { kind: 'refused'; redirect: string };

interface Flow {
  provider: ProviderName;
  /** sha256 of the cookie secret: the callback must come back to the browser that started. */
  browser: string;
  verifier?: string;
  /** The account that started a "Connect" from settings, or null for "Sign in with Spotify". */
  userId: string | null;
}

interface PendingIdentity {
  providerUserId: string;
  displayName: string | null;
  scopes: string[];
  accessToken: string;
  refreshToken: string | null;
  storefront?: string | null;
  expiresAt: string | null;
}

const PENDING_CONTEXT = 'pending-spotify-signup';

const BAD_STATE = () => AppError.badRequest('invalid_oauth_state', 'This sign-in link is not valid any more. Start again.');
const NO_PENDING = () => AppError.badRequest('no_pending_signup', 'There is no Spotify sign-in waiting to be finished. Start again.');
// Not a fault of the server's but a feature this deployment does not offer: a 404, like any route it lacks.
const UNAVAILABLE = (name: string) => new AppError(404, 'provider_not_configured', `${name} is not configured on this server.`);

/** Suggests a handle from a service's display name: letters, digits and underscore only. */
export function suggestHandle(displayName: string | null, fallback: string): string {
  const base = (displayName ?? fallback)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
    .slice(0, 20);
  return base.length >= 3
    ? base
    : `listener_${randomToken(3)
        .replace(/[^A-Za-z0-9]/g, '')
        .toLowerCase()}`;
}

/**
 * The OAuth round trips: "Sign in with Spotify" (authorization code + PKCE, state kept in Redis
 * for ten minutes and bound to the browser by a cookie secret), connecting Spotify or Apple Music
 * from settings, and the pending identity of someone new who still has to choose a handle.
 * A service account is linked only to the account already linked to it or to the signed-in
 * account that started the round trip — never to one whose email happens to match.
 */
export class SpotifySignIn {
  constructor(
    private readonly deps: {
      redis: Redis;
      prefix: string;
      providers: ProviderFactory;
      connections: ConnectionsService;
      auth: AuthService;
      /** Seals the tokens of a pending sign-up while they wait in Redis. */
      cipher: TokenCipher;
      /** Prefix of the web pages redirected to (PUBLIC_URL, or '' for the same origin). */
      webBase?: string;
    },
  ) {}

  private key(kind: 'flow' | 'pending', id: string): string {
    return `${this.deps.prefix}oauth:${kind}:${sha256(id)}`;
  }

  private web(path: string): string {
    return (this.deps.webBase ?? '') + path;
  }

  /** Starts Spotify's authorize round trip, for signing in (userId null) or connecting the signed-in account. */
  async startSpotify(userId: string | null): Promise<AuthorizeStart> {
    const s = this.deps.providers.setup.spotify;
    if (!s) throw UNAVAILABLE('Spotify');
    const state = createOAuthState();
    const pkce = createPkcePair();
    const browserSecret = randomToken(32);
    const flow: Flow = { provider: 'spotify', browser: sha256(browserSecret), verifier: pkce.verifier, userId };
    await this.deps.redis.set(this.key('flow', state), JSON.stringify(flow), 'EX', OAUTH_TTL_SECONDS);
    const url = spotifyAuthorizeUrl({
      accountsBaseUrl: s.accountsBaseUrl,
      clientId: s.clientId,
      redirectUri: s.redirectUrl,
      state,
      codeChallenge: pkce.challenge,
    });
    return { url, browserSecret };
  }

  /** Starts connecting Apple Music: the sandbox's MusicKit-like page, or the web page running MusicKit JS. */
  async startApple(userId: string, callbackUrl: string): Promise<AuthorizeStart> {
    const a = this.deps.providers.setup.apple;
    if (!a) throw UNAVAILABLE('Apple Music');
    const state = createOAuthState();
    const browserSecret = randomToken(32);
    const flow: Flow = { provider: 'apple', browser: sha256(browserSecret), userId };
    await this.deps.redis.set(this.key('flow', state), JSON.stringify(flow), 'EX', OAUTH_TTL_SECONDS);
    const page = new URL(a.authorizeUrl ?? this.web('/connect/apple'), 'http://placeholder.invalid');
    page.searchParams.set('redirect_uri', callbackUrl);
    page.searchParams.set('state', state);
    return { url: a.authorizeUrl ? page.toString() : page.pathname + page.search, browserSecret };
  }

  /** The developer token MusicKit JS is configured with, and the app's storefront; 404 when Apple Music is not set up. */
  async appleDeveloperToken(): Promise<{ developerToken: string; storefront: string }> {
    const a = this.deps.providers.setup.apple;
    const signer = this.deps.providers.appleDeveloperToken;
    if (!a || !signer) throw UNAVAILABLE('Apple Music');
    return { developerToken: await signer.get(), storefront: a.storefront };
  }

  /** Takes the round trip's stored state once (a reused or forged state, or another browser, is refused). */
  private async takeFlow(provider: ProviderName, state: string | undefined, browserSecret: string | undefined): Promise<Flow> {
    if (!state || state.length > 200) throw BAD_STATE();
    const raw = await this.deps.redis.getdel(this.key('flow', state));
    if (!raw) throw BAD_STATE();
    const flow = JSON.parse(raw) as Flow;
    if (flow.provider !== provider || !browserSecret || sha256(browserSecret) !== flow.browser) throw BAD_STATE();
    return flow;
  }

  /**
   * Ends Spotify's round trip: signs in the linked account, links the account that started a
   * Connect, or keeps the identity pending until someone new picks a handle.
   */
  async finishSpotify(
    query: { code?: string; state?: string; error?: string },
    browserSecret: string | undefined,
    session: Session | null,
  ): Promise<CallbackOutcome> {
    const flow = await this.takeFlow('spotify', query.state, browserSecret);
    const back = flow.userId ? '/settings#connections' : '/login';
    if (flow.userId && session?.userId !== flow.userId) throw BAD_STATE();
    if (query.error || !query.code) return { kind: 'refused', redirect: this.web(refusal(back, 'spotify_cancelled')) };

    const s = this.deps.providers.setup.spotify!;
    const accounts = this.deps.providers.spotifyAccounts!;
    let identity: NewConnection;
    try {
      const tokens = await accounts.exchangeCode(query.code, s.redirectUrl, flow.verifier!);
      const me = await this.deps.providers.createProvider('spotify', tokens).currentUser();
      // The account's country is kept as its region: conversions share what they found per region.
      const storefront = me.country?.toLowerCase() ?? null;
      identity = { providerUserId: me.id, displayName: me.displayName, scopes: tokens.scopes, credentials: { ...tokens, storefront } };
    } catch (err) {
      if (err instanceof ProviderError) return { kind: 'refused', redirect: this.web(refusal(back, 'spotify_failed')) };
      throw err;
    }

    const linkedUserId = await this.deps.connections.userIdFor('spotify', identity.providerUserId);
    if (flow.userId) {
      if (linkedUserId && linkedUserId !== flow.userId) return { kind: 'refused', redirect: this.web(refusal(back, 'spotify_taken')) };
      await this.deps.connections.connect(flow.userId, 'spotify', identity);
      return { kind: 'connected', redirect: this.web('/settings?connected=spotify#connections') };
    }
    if (linkedUserId) {
      let signedIn: SignedIn;
      try {
        signedIn = await this.deps.auth.signInLinked(linkedUserId, session);
      } catch (err) {
        // A navigation cannot show a problem document: the login page says it instead.
        if (err instanceof AppError && err.code === 'account_suspended') return { kind: 'refused', redirect: this.web(refusal(back, 'account_suspended')) };
        throw err;
      }
      await this.deps.connections.connect(linkedUserId, 'spotify', identity);
      return { kind: 'signed-in', signedIn, redirect: this.web('/') };
    }
    const pendingSecret = randomToken(32);
    const pending: PendingIdentity = {
      providerUserId: identity.providerUserId,
      displayName: identity.displayName,
      scopes: identity.scopes,
      accessToken: identity.credentials.accessToken,
      refreshToken: identity.credentials.refreshToken ?? null,
      storefront: identity.credentials.storefront ?? null,
      expiresAt: identity.credentials.expiresAt?.toISOString() ?? null,
    };
    // Waits at most ten minutes, sealed like stored tokens, under the hash of a secret only the browser's cookie holds.
    const sealed = this.deps.cipher.encrypt(JSON.stringify(pending), PENDING_CONTEXT);
    await this.deps.redis.set(this.key('pending', pendingSecret), sealed, 'EX', OAUTH_TTL_SECONDS);
    return { kind: 'signup', pendingSecret, redirect: this.web('/signup/spotify') };
  }

  /** What the handle-choice page shows about the pending identity. */
  async pending(pendingSecret: string | undefined): Promise<{ displayName: string | null; suggestedHandle: string }> {
    const p = await this.readPending(pendingSecret);
    return { displayName: p.displayName, suggestedHandle: suggestHandle(p.displayName, p.providerUserId) };
  }

  /** Creates the account for a pending Spotify identity with the handle the person chose, linked and signed in. */
  async completeSignup(pendingSecret: string | undefined, input: { handle: string; displayName: string }): Promise<SignedIn> {
    const p = await this.readPending(pendingSecret);
    const identity: NewConnection = {
      providerUserId: p.providerUserId,
      displayName: p.displayName,
      scopes: p.scopes,
      credentials: {
        accessToken: p.accessToken,
        refreshToken: p.refreshToken,
        expiresAt: p.expiresAt ? new Date(p.expiresAt) : null,
        storefront: p.storefront ?? null,
      },
    };
    const signedIn = await this.deps.auth.registerLinked(input, async (userId) => {
      await this.deps.connections.connect(userId, 'spotify', identity);
    });
    await this.deps.redis.del(this.key('pending', pendingSecret!));
    return signedIn;
  }

  private async readPending(pendingSecret: string | undefined): Promise<PendingIdentity> {
    if (!pendingSecret || pendingSecret.length > 200) throw NO_PENDING();
    const raw = await this.deps.redis.get(this.key('pending', pendingSecret));
    if (!raw) throw NO_PENDING();
    return JSON.parse(this.deps.cipher.decrypt(raw, PENDING_CONTEXT)) as PendingIdentity;
  }

  /** Ends Apple Music's round trip: stores the Music-User-Token for the account that started it. */
  async finishApple(
    query: { music_user_token?: string; state?: string; error?: string },
    browserSecret: string | undefined,
    session: Session | null,
  ): Promise<CallbackOutcome> {
    const flow = await this.takeFlow('apple', query.state, browserSecret);
    const back = '/settings#connections';
    if (!flow.userId || session?.userId !== flow.userId) throw BAD_STATE();
    const token = query.music_user_token;
    if (query.error || !token) return { kind: 'refused', redirect: this.web(refusal(back, 'apple_cancelled')) };
    if (token.length > 4096) throw AppError.badRequest('validation_failed', 'The Music-User-Token is too long.');
    const provider = this.deps.providers.createProvider('apple', { accessToken: token, musicUserToken: token });
    let storefront: string | null;
    try {
      // A library call proves the token works; the storefront comes with it.
      storefront = (await provider.currentUser()).country?.toLowerCase() ?? null;
    } catch (err) {
      if (err instanceof ProviderError) return { kind: 'refused', redirect: this.web(refusal(back, 'apple_failed')) };
      throw err;
    }
    // Apple does not name its listeners: the token's hash identifies the library.
    await this.deps.connections.connect(flow.userId, 'apple', {
      providerUserId: `mut:${sha256(token).slice(0, 32)}`,
      displayName: 'Apple Music',
      scopes: ['library-read', 'library-modify'],
      credentials: { accessToken: token, musicUserToken: token, storefront },
    });
    return { kind: 'connected', redirect: this.web('/settings?connected=apple#connections') };
  }
}

/** The page to go back to with a message code the web turns into words. */
function refusal(back: string, code: string): string {
  const [path, hash] = back.split('#');
  return `${path}?oauth_error=${code}${hash ? `#${hash}` : ''}`;
}
