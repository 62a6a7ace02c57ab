import type { Logger } from '../../lib/logger';
import { keyIdOf, type TokenCipher, TokenDecryptError } from '../../lib/token-cipher';
import type { ConnectionsRepo, SealedRow, SealedTokens } from './connections.repo';
import { tokenContext, type TokenField } from './token-context';

export interface TokenReencryptionDeps {
  repo: Pick<ConnectionsRepo, 'sealedUnderOtherKeys' | 'replaceSealedTokens'>;
  cipher: TokenCipher;
  logger: Logger;
}

/** What one pass did. `unreadable` rows name a key this process does not have (or were tampered with); they are left alone. */
export interface ReencryptionSummary {
  reencrypted: number;
  unreadable: number;
  /** Rows a refresh, reconnect or revocation rewrote between the read and the write: theirs stands. */
  changedMeanwhile: number;
}

const BATCH = 200;

/**
 * Moves every stored token to the current key, so an old key can be removed once a pass finds none
 * left under it. Idempotent (rows already under the current key are not read) and safe beside
 * refreshes and other passes: each write names the ciphertexts it read, so whoever wrote meanwhile
 * wins. Rows it cannot decrypt are only counted, never marked: the process may simply run with an
 * older key list than the one that wrote them (a rolling deploy). Their owners are asked to reconnect
 * when the connection is next used.
 */
export async function reencryptStoredTokens(deps: TokenReencryptionDeps, batchSize = BATCH): Promise<ReencryptionSummary> {
  const summary: ReencryptionSummary = { reencrypted: 0, unreadable: 0, changedMeanwhile: 0 };
  const unknownKeys = new Set<string>();
  let afterId = '0';
  for (;;) {
    const rows = await deps.repo.sealedUnderOtherKeys(deps.cipher.currentKeyId, afterId, batchSize);
    for (const row of rows) {
      afterId = row.id;
      const before = sealedOf(row);
      let after: SealedTokens;
      try {
        after = resealed(deps.cipher, row);
      } catch (err) {
        if (!(err instanceof TokenDecryptError)) throw err;
        summary.unreadable += 1;
        for (const sealed of Object.values(before)) if (sealed && deps.cipher.needsReencryption(sealed)) unknownKeys.add(keyIdOf(sealed) ?? '?');
        continue;
      }
      if (await deps.repo.replaceSealedTokens(row.id, before, after)) summary.reencrypted += 1;
      else summary.changedMeanwhile += 1;
    }
    if (rows.length < batchSize) break;
  }
  if (summary.reencrypted || summary.changedMeanwhile)
    deps.logger.info({ ...summary, keyId: deps.cipher.currentKeyId }, 'provider tokens re-encrypted under the current key');
  if (summary.unreadable)
    deps.logger.warn(
      { unreadable: summary.unreadable, keyIds: [...unknownKeys] },
      'some stored provider tokens cannot be decrypted with the configured keys; they stay as they are, and their connections will ask to be reconnected when used',
    );
  return summary;
}

function sealedOf(row: SealedRow): SealedTokens {
  return { accessTokenEnc: row.access_token_enc, refreshTokenEnc: row.refresh_token_enc, musicUserTokenEnc: row.music_user_token_enc };
}

/** The row's tokens under the current key (each column with its own associated data). */
function resealed(cipher: TokenCipher, row: SealedRow): SealedTokens {
  const reseal = (sealed: string | null, field: TokenField) => (sealed ? cipher.reencrypt(sealed, tokenContext(row.user_id, row.provider, field)) : null);
  return {
    accessTokenEnc: reseal(row.access_token_enc, 'access'),
    refreshTokenEnc: reseal(row.refresh_token_enc, 'refresh'),
    musicUserTokenEnc: reseal(row.music_user_token_enc, 'music_user'),
  };
}
