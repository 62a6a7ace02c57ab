import type { Connection, ProviderName } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import { type TokenCipher, TokenDecryptError } from '../../lib/token-cipher';
import { type MusicProvider, type ProviderCredentials, ProviderError } from '../../providers/music-provider.port';
import type { ProviderCallOptions, ProviderFactory } from '../../providers/provider-factory';
import type { NotificationsService } from '../notifications/notifications.service';
import type { ConnectionRow, ConnectionsRepo } from './connections.repo';
import { tokenContext as context, type TokenField } from './token-context';
import { reencryptStoredTokens, type ReencryptionSummary } from './token-reencryption';

export interface ConnectionsServiceDeps {
  repo: ConnectionsRepo;
  cipher: TokenCipher;
  providers: ProviderFactory;
  notifications: Pick<NotificationsService, 'create'>;
  logger: Logger;
}

/** What a finished authorization gives: who the user is on the service and the grant. */
export interface NewConnection {
  providerUserId: string;
  displayName: string | null;
  scopes: string[];
  credentials: ProviderCredentials;
}

const SERVICE_NAMES: Record<ProviderName, string> = { spotify: 'Spotify', apple: 'Apple Music' };

/** What a caller gets for a connection Muse can no longer act on: the user must connect again. */
function needsReconnect(provider: ProviderName): AppError {
  return AppError.conflict('connection_needs_reconnect', `Muse lost access to your ${SERVICE_NAMES[provider]} account. Reconnect it in Settings.`);
}

/** The owner's view of a connection: never a token. */
export function presentConnection(row: ConnectionRow): Connection {
  return {
    provider: row.provider,
    displayName: row.display_name,
    scopes: row.scopes,
    status: row.status,
    connectedAt: row.created_at.toISOString(),
  };
}

/**
 * Users' links to Spotify and Apple Music: stores grants encrypted, hands features a provider that
 * acts for the user (persisting refreshed tokens), and turns a revoked grant into a
 * "needs reconnecting" state plus a notice instead of failing silently on every call.
 */
export class ConnectionsService {
  constructor(private readonly deps: ConnectionsServiceDeps) {}

  /** Whether this server can talk to the service at all (credentials or the sandbox). */
  available(provider: ProviderName): boolean {
    return this.deps.providers.available(provider);
  }

  /** Links (or re-links) the user's account on a service; 409 when it belongs to another Muse account. */
  async connect(userId: string, provider: ProviderName, c: NewConnection): Promise<Connection> {
    const seal = (value: string | null | undefined, field: TokenField) => (value ? this.deps.cipher.encrypt(value, context(userId, provider, field)) : null);
    const isApple = provider === 'apple';
    const row = await this.deps.repo.upsert({
      userId,
      provider,
      providerUserId: c.providerUserId,
      displayName: c.displayName,
      scopes: c.scopes,
      accessTokenEnc: isApple ? null : seal(c.credentials.accessToken, 'access'),
      refreshTokenEnc: seal(c.credentials.refreshToken, 'refresh'),
      musicUserTokenEnc: isApple ? seal(c.credentials.musicUserToken ?? c.credentials.accessToken, 'music_user') : null,
      storefront: c.credentials.storefront ?? null,
      expiresAt: c.credentials.expiresAt ?? null,
    });
    return presentConnection(row);
  }

  /** The Muse account a service account is linked to (sign-in with that service). */
  async userIdFor(provider: ProviderName, providerUserId: string): Promise<string | null> {
    return (await this.deps.repo.findByProviderUser(provider, providerUserId))?.user_id ?? null;
  }

  async list(userId: string): Promise<Connection[]> {
    return (await this.deps.repo.listByUser(userId)).map(presentConnection);
  }

  /**
   * Forgets the connection and every token of it; 404 when there was none. An account without a
   * password (made by signing in with Spotify) signs in only through its Spotify connection, so
   * that one stays until a password is set (409). Apple Music never signs anyone in.
   */
  async disconnect(user: { id: string; hasPassword: boolean }, provider: ProviderName): Promise<void> {
    if (provider === 'spotify' && !user.hasPassword && (await this.deps.repo.findByUser(user.id, provider))) {
      throw AppError.conflict('sign_in_method_needed', 'Spotify is how you sign in: set a password first, then disconnect it.');
    }
    if (!(await this.deps.repo.delete(user.id, provider))) throw AppError.notFound('Connection');
  }

  /**
   * A provider acting for the user, paced together with every other provider of this connection.
   * Refreshed tokens are stored under the current key; an `unauthorized` answer — a refresh the
   * service refused, or a revoked Music-User-Token — marks the connection `needs_reconnect` and
   * notifies the user once. So do stored tokens no configured key opens (an old key removed before
   * its rows were re-encrypted): the caller gets the same 409 as for a revoked grant.
   */
  async providerFor(userId: string, provider: ProviderName, calls: ProviderCallOptions = {}): Promise<MusicProvider> {
    const row = await this.deps.repo.findByUser(userId, provider);
    if (!row) throw AppError.notFound(`${SERVICE_NAMES[provider]} connection`);
    if (row.status === 'needs_reconnect') throw needsReconnect(provider);
    const inner = this.deps.providers.createProvider(provider, await this.openCredentials(row), {
      ...calls,
      connectionId: String(row.id),
      accountId: row.provider_user_id,
      onTokens: async (t) => {
        await this.deps.repo.updateTokens(row.id, {
          accessTokenEnc: this.deps.cipher.encrypt(t.accessToken, context(userId, provider, 'access')),
          refreshTokenEnc: t.refreshToken ? this.deps.cipher.encrypt(t.refreshToken, context(userId, provider, 'refresh')) : null,
          expiresAt: t.expiresAt ?? null,
          scopes: (t as { scopes?: string[] }).scopes,
        });
      },
    });
    return this.watchForRevocation(inner, row);
  }

  /**
   * The region of the user's account on the service: Apple Music's storefront, Spotify's country
   * (lower-case ISO 3166, "us"); null when not connected or not known (Spotify connections made
   * before the country was kept).
   */
  async region(userId: string, provider: ProviderName): Promise<string | null> {
    const storefront = (await this.deps.repo.findByUser(userId, provider))?.storefront?.toLowerCase() ?? null;
    return storefront && /^[a-z]{2}$/.test(storefront) ? storefront : null;
  }

  /** Marks a connection whose grant the service refused; one notice per revocation. */
  async markNeedsReconnect(row: Pick<ConnectionRow, 'id' | 'user_id' | 'provider'>): Promise<void> {
    if (!(await this.deps.repo.markNeedsReconnect(row.id))) return;
    const name = SERVICE_NAMES[row.provider];
    this.deps.logger.info({ userId: row.user_id, provider: row.provider }, 'connection needs reconnecting');
    await this.deps.notifications.create({
      userId: row.user_id,
      type: 'provider_reconnect',
      title: `Reconnect ${name}`,
      body: `${name} no longer lets Muse act for you. Reconnect it in Settings to keep importing and syncing.`,
      link: '/settings#connections',
      data: { provider: row.provider },
    });
  }

  /**
   * Re-encrypts every stored token under the current key (the worker runs it at start and then
   * hourly); once it reports nothing left under an old key, that key can be removed.
   */
  reencryptTokens(batchSize?: number): Promise<ReencryptionSummary> {
    return reencryptStoredTokens(this.deps, batchSize);
  }

  /** The row's tokens, decrypted; tokens no configured key opens make the connection need reconnecting. */
  private async openCredentials(row: ConnectionRow): Promise<ProviderCredentials> {
    try {
      return this.credentials(row);
    } catch (err) {
      if (!(err instanceof TokenDecryptError)) throw err;
      this.deps.logger.warn({ userId: row.user_id, provider: row.provider, reason: err.message }, 'stored provider tokens cannot be decrypted');
      await this.markNeedsReconnect(row);
      throw needsReconnect(row.provider);
    }
  }

  private credentials(row: ConnectionRow): ProviderCredentials {
    const open = (value: string | null, field: TokenField) => (value ? this.deps.cipher.decrypt(value, context(row.user_id, row.provider, field)) : null);
    if (row.provider === 'apple') {
      const musicUserToken = open(row.music_user_token_enc, 'music_user') ?? '';
      return { accessToken: musicUserToken, musicUserToken, storefront: row.storefront };
    }
    return {
      accessToken: open(row.access_token_enc, 'access') ?? '',
      refreshToken: open(row.refresh_token_enc, 'refresh'),
      expiresAt: row.expires_at,
      storefront: row.storefront,
    };
  }

  /** Wraps every port method so an `unauthorized` failure flips the connection before it is rethrown. */
  private watchForRevocation(inner: MusicProvider, row: ConnectionRow): MusicProvider {
    return new Proxy(inner, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!(result instanceof Promise)) return result;
          return result.catch(async (err: unknown) => {
            if (err instanceof ProviderError && err.kind === 'unauthorized') await this.markNeedsReconnect(row);
            throw err;
          });
        };
      },
    });
  }
}
