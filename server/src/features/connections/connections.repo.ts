import type { Knex } from 'knex';
import type { ProviderName } from '../../providers/music-provider.port';
import { isPgError, PG } from '../../db/pg-errors';
import { AppError } from '../../lib/app-error';

/** A stored connection; the `*_enc` columns hold TokenCipher ciphertexts, never plain tokens. */
export interface ConnectionRow {
  id: string;
  user_id: string;
  provider: ProviderName;
  provider_user_id: string;
  display_name: string | null;
  scopes: string[];
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  music_user_token_enc: string | null;
  storefront: string | null;
  expires_at: Date | null;
  status: 'active' | 'needs_reconnect';
  created_at: Date;
  updated_at: Date;
}

/** What connecting writes: the identity on the service and the sealed tokens. */
export interface ConnectionWrite {
  userId: string;
  provider: ProviderName;
  providerUserId: string;
  displayName: string | null;
  scopes: string[];
  accessTokenEnc: string | null;
  refreshTokenEnc: string | null;
  musicUserTokenEnc: string | null;
  storefront: string | null;
  expiresAt: Date | null;
}

/** Sealed tokens after a refresh. */
export interface TokenUpdate {
  accessTokenEnc: string;
  refreshTokenEnc: string | null;
  expiresAt: Date | null;
  scopes?: string[];
}

/** A row's three sealed token columns, as stored. */
export interface SealedTokens {
  accessTokenEnc: string | null;
  refreshTokenEnc: string | null;
  musicUserTokenEnc: string | null;
}

/** What re-encryption reads of a row: who it belongs to (the ciphertexts' associated data) and its sealed tokens. */
export type SealedRow = Pick<ConnectionRow, 'id' | 'user_id' | 'provider' | 'access_token_enc' | 'refresh_token_enc' | 'music_user_token_enc'>;

const TAKEN = () =>
  AppError.conflict('connection_taken', 'This account on the service is already connected to another Muse account. Disconnect it there first.');

/** The provider_connections table: the only place that reads or writes it. */
export class ConnectionsRepo {
  constructor(private readonly knex: Knex) {}

  /** The Muse account a service account is linked to, if any. */
  async findByProviderUser(provider: ProviderName, providerUserId: string): Promise<ConnectionRow | null> {
    return (await this.knex<ConnectionRow>('provider_connections').where({ provider, provider_user_id: providerUserId }).first()) ?? null;
  }

  async findByUser(userId: string, provider: ProviderName): Promise<ConnectionRow | null> {
    return (await this.knex<ConnectionRow>('provider_connections').where({ user_id: userId, provider }).first()) ?? null;
  }

  async listByUser(userId: string): Promise<ConnectionRow[]> {
    return this.knex<ConnectionRow>('provider_connections').where({ user_id: userId }).orderBy('provider');
  }

  /**
   * Creates the user's connection to the service or replaces it (reconnecting, or switching to
   * another account on the service). 409 `connection_taken` when that service account belongs to
   * someone else.
   */
  async upsert(c: ConnectionWrite, trx: Knex = this.knex): Promise<ConnectionRow> {
    const values = {
      user_id: c.userId,
      provider: c.provider,
      provider_user_id: c.providerUserId,
      display_name: c.displayName,
      scopes: c.scopes,
      access_token_enc: c.accessTokenEnc,
      refresh_token_enc: c.refreshTokenEnc,
      music_user_token_enc: c.musicUserTokenEnc,
      storefront: c.storefront,
      expires_at: c.expiresAt,
      status: 'active',
    };
    const [row] = await trx('provider_connections')
      .insert(values)
      .onConflict(['user_id', 'provider'])
      .merge({ ...values, updated_at: trx.fn.now() })
      .returning('*')
      .catch((err: unknown) => {
        if (isPgError(err) && err.code === PG.uniqueViolation) throw TAKEN();
        throw err;
      });
    return row as ConnectionRow;
  }

  /** Stores refreshed tokens; a no-op when the connection was removed meanwhile. */
  async updateTokens(id: string, t: TokenUpdate): Promise<void> {
    await this.knex('provider_connections')
      .where({ id })
      .update({
        access_token_enc: t.accessTokenEnc,
        refresh_token_enc: t.refreshTokenEnc,
        expires_at: t.expiresAt,
        ...(t.scopes?.length ? { scopes: t.scopes } : {}),
        status: 'active',
        updated_at: this.knex.fn.now(),
      });
  }

  /**
   * Up to `limit` rows after `afterId` (in id order) holding a token not sealed under `keyId`: the
   * ones a key rotation still has to re-encrypt.
   */
  async sealedUnderOtherKeys(keyId: string, afterId: string, limit: number): Promise<SealedRow[]> {
    const current = `v1.${keyId}.`;
    return this.knex<ConnectionRow>('provider_connections')
      .select('id', 'user_id', 'provider', 'access_token_enc', 'refresh_token_enc', 'music_user_token_enc')
      .where('id', '>', afterId)
      .andWhere((q) =>
        q
          .whereRaw('NOT starts_with(access_token_enc, ?)', [current])
          .orWhereRaw('NOT starts_with(refresh_token_enc, ?)', [current])
          .orWhereRaw('NOT starts_with(music_user_token_enc, ?)', [current]),
      )
      .orderBy('id')
      .limit(limit);
  }

  /**
   * Swaps a row's sealed tokens for the same tokens sealed anew, only while the row still holds
   * `before`: a refresh, reconnect or revocation that wrote meanwhile wins. True when swapped.
   */
  async replaceSealedTokens(id: string, before: SealedTokens, after: SealedTokens): Promise<boolean> {
    const changed = await this.knex('provider_connections')
      .where({ id })
      .whereRaw('access_token_enc IS NOT DISTINCT FROM ?::text', [before.accessTokenEnc])
      .whereRaw('refresh_token_enc IS NOT DISTINCT FROM ?::text', [before.refreshTokenEnc])
      .whereRaw('music_user_token_enc IS NOT DISTINCT FROM ?::text', [before.musicUserTokenEnc])
      .update({
        access_token_enc: after.accessTokenEnc,
        refresh_token_enc: after.refreshTokenEnc,
        music_user_token_enc: after.musicUserTokenEnc,
        updated_at: this.knex.fn.now(),
      });
    return changed > 0;
  }

  /** Marks the grant revoked and forgets its tokens; true only for the call that changed it (one notice per revocation). */
  async markNeedsReconnect(id: string): Promise<boolean> {
    const changed = await this.knex('provider_connections')
      .where({ id, status: 'active' })
      .update({ status: 'needs_reconnect', access_token_enc: null, refresh_token_enc: null, music_user_token_enc: null, updated_at: this.knex.fn.now() });
    return changed > 0;
  }

  /** Removes the connection and its tokens; the number of rows removed. */
  async delete(userId: string, provider: ProviderName): Promise<number> {
    return this.knex('provider_connections').where({ user_id: userId, provider }).delete();
  }
}
