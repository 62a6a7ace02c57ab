import type { ProviderName } from '@muse/shared';

/** Which token of a connection a ciphertext holds (its column). */
export type TokenField = 'access' | 'refresh' | 'music_user';

/** Associated data binding a ciphertext to its connection and column, so sealed values cannot be swapped between rows. */
export function tokenContext(userId: string, provider: ProviderName, field: TokenField): string {
  return `connection:${userId}:${provider}:${field}`;
}
