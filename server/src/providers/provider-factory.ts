import { AppleDeveloperToken } from './apple/apple-developer-token';
import { AppleProvider, appleHttpAuth } from './apple/apple-provider';
import { type MusicProvider, type OnTokens, type ProviderCredentials, ProviderError, type ProviderName } from './music-provider.port';
import { type CallOutcome, type ProviderCallCounter } from './provider-call-counter';
import { appPacingKey, ConnectionPacers, connectionPacingKey } from './connection-pacers';
import { type ProviderSetup } from './provider-config';
import { DEFAULT_REQUESTS_PER_SECOND, ProviderHttp, type ProviderHttpOptions, type RateLimitWait } from './provider-http';
import type { SharedPacing } from './shared-token-bucket';
import { SpotifyAccounts } from './spotify/spotify-accounts';
import { SpotifyProvider, userAuth } from './spotify/spotify-provider';
import { realClock, TokenBucket } from './token-bucket';

/** HTTP tuning shared by every connection the factory makes (tests shorten timeouts and inject a clock). */
export type ProviderTuning = Omit<ProviderHttpOptions, 'baseUrl' | 'headers' | 'onUnauthorized' | 'counter' | 'onRateLimited' | 'onCall' | 'pacer'>;

/** Told of every call any provider of the factory makes, as the HTTP layer counts it (the process's metrics). */
export type ProviderCallObserver = (provider: ProviderName, endpoint: string, outcome: CallOutcome) => void;

/** What one user of a connection's provider may add: its own call counter and a hook on rate-limit waits (a conversion job). */
export interface ProviderCallOptions {
  counter?: ProviderCallCounter;
  onRateLimited?: (wait: RateLimitWait) => void;
}

/**
 * Makes provider instances for one process: one per use of a connection (a refresh that reports new
 * tokens through `onTokens`), and app-level ones (client credentials / developer token only) for
 * search and albums without a user. Every provider of one connection is paced by the same token
 * bucket (`ConnectionPacers`; kept in Redis for every process when `sharedPacing` is given), and so
 * are all app-level calls to one service. The Spotify Accounts client and the Apple developer token
 * are shared, so the app token and the signed JWT are cached once.
 */
export class ProviderFactory {
  readonly spotifyAccounts: SpotifyAccounts | null;
  readonly appleDeveloperToken: AppleDeveloperToken | null;
  private readonly appProviders = new Map<ProviderName, MusicProvider>();
  private readonly pacers: ConnectionPacers;

  constructor(
    readonly setup: ProviderSetup,
    private readonly tuning: ProviderTuning = {},
    private readonly observeCall?: ProviderCallObserver,
    sharedPacing?: SharedPacing,
  ) {
    const rate = tuning.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND;
    const burst = tuning.burst ?? Math.max(1, rate);
    this.pacers = new ConnectionPacers((key) => {
      const local = new TokenBucket(rate, burst, tuning.clock ?? realClock);
      return sharedPacing ? sharedPacing.bucket(key, rate, burst, local) : local;
    });
    const s = setup.spotify;
    this.spotifyAccounts = s
      ? new SpotifyAccounts({
          ...tuning,
          accountsBaseUrl: s.accountsBaseUrl,
          clientId: s.clientId,
          clientSecret: s.clientSecret,
          onCall: this.callsOf('spotify'),
        })
      : null;
    const a = setup.apple;
    this.appleDeveloperToken = a ? new AppleDeveloperToken({ teamId: a.teamId, keyId: a.keyId, privateKeyPem: a.privateKeyPem, clock: tuning.clock }) : null;
  }

  private callsOf(name: ProviderName): ProviderHttpOptions['onCall'] {
    const observe = this.observeCall;
    return observe && ((endpoint, outcome) => observe(name, endpoint, outcome));
  }

  /** Whether a service can be used at all (real credentials or the sandbox). */
  available(name: ProviderName): boolean {
    return name === 'spotify' ? this.setup.spotify !== null : this.setup.apple !== null;
  }

  /**
   * A provider acting for one user's connection. `connectionId` names the stored connection, whose
   * pacing it then shares; without one (checking a grant before it is stored) it paces alone.
   */
  createProvider(
    name: ProviderName,
    credentials: ProviderCredentials,
    /** `accountId`: the user's id on the service when the connection knows it (it saves asking the service who they are). */
    opts: { onTokens?: OnTokens; connectionId?: string; accountId?: string } & ProviderCallOptions = {},
  ): MusicProvider {
    const pacer = opts.connectionId === undefined ? undefined : this.pacers.pacerFor(connectionPacingKey(name, opts.connectionId));
    if (name === 'spotify') {
      const s = this.requireSpotify();
      const accounts = this.spotifyAccounts!;
      const auth = userAuth(credentials, (refreshToken) => accounts.refresh(refreshToken), opts.onTokens);
      return new SpotifyProvider(
        new ProviderHttp({
          ...this.tuning,
          baseUrl: s.apiBaseUrl,
          pacer,
          counter: opts.counter,
          onRateLimited: opts.onRateLimited,
          onCall: this.callsOf('spotify'),
          ...SpotifyProvider.httpAuth(auth),
        }),
        auth,
        null,
        opts.accountId ?? null,
      );
    }
    const a = this.requireApple();
    const auth = { developerToken: this.appleDeveloperToken!, musicUserToken: credentials.musicUserToken ?? credentials.accessToken };
    return new AppleProvider(
      new ProviderHttp({
        ...this.tuning,
        baseUrl: a.apiBaseUrl,
        pacer,
        counter: opts.counter,
        onRateLimited: opts.onRateLimited,
        onCall: this.callsOf('apple'),
        ...appleHttpAuth(auth),
      }),
      auth,
      credentials.storefront ?? null,
      a.storefront,
    );
  }

  /** A provider for catalog calls without a user (search, albums, ISRC lookups, previews); one per process and service. */
  appProvider(name: ProviderName): MusicProvider {
    let provider = this.appProviders.get(name);
    if (provider) return provider;
    const pacer = this.pacers.pacerFor(appPacingKey(name));
    if (name === 'spotify') {
      const s = this.requireSpotify();
      const accounts = this.spotifyAccounts!;
      const auth = {
        userContext: false,
        accessToken: () => accounts.clientCredentialsToken(),
        renew: async () => {
          accounts.dropClientCredentialsToken();
          return true;
        },
      };
      provider = new SpotifyProvider(
        new ProviderHttp({ ...this.tuning, baseUrl: s.apiBaseUrl, pacer, onCall: this.callsOf('spotify'), ...SpotifyProvider.httpAuth(auth) }),
        auth,
        'US',
      );
    } else {
      const a = this.requireApple();
      const auth = { developerToken: this.appleDeveloperToken! };
      provider = new AppleProvider(
        new ProviderHttp({ ...this.tuning, baseUrl: a.apiBaseUrl, pacer, onCall: this.callsOf('apple'), ...appleHttpAuth(auth) }),
        auth,
        a.storefront,
      );
    }
    this.appProviders.set(name, provider);
    return provider;
  }

  private requireSpotify() {
    if (!this.setup.spotify) throw new ProviderError('unavailable', 'Spotify is not configured on this server', { status: 0, endpoint: 'spotify' });
    return this.setup.spotify;
  }

  private requireApple() {
    if (!this.setup.apple) throw new ProviderError('unavailable', 'Apple Music is not configured on this server', { status: 0, endpoint: 'apple' });
    return this.setup.apple;
  }
}
