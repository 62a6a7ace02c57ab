import type { Me, SessionResponse } from '@muse/shared';
import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../../lib/api-client';

/** Query key of the signed-in user (`null` when signed out). */
export const meQueryKey = ['me'] as const;

/** Why the last session ended: the app shell picks where to send the user from it. */
export type SignOutReason = 'logged_out' | 'account_deleted' | 'expired';

let lastSignOutReason: SignOutReason | null = null;

/** Adopts a fresh SessionResponse: its CSRF token for later writes and its user for the UI. */
export function applySession(queryClient: QueryClient, session: SessionResponse): void {
  lastSignOutReason = null;
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData<Me | null>(meQueryKey, session.user);
}

/**
 * Forgets everything tied to the ended session: the token (a new anonymous one is fetched
 * before the next write) and every cached query except the now-empty user.
 */
export function clearSession(queryClient: QueryClient, reason: SignOutReason): void {
  lastSignOutReason = reason;
  setCsrfToken(null);
  queryClient.setQueryData<Me | null>(meQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

/** The reason the most recent session ended, or null while signed in or never signed in. */
export function getSignOutReason(): SignOutReason | null {
  return lastSignOutReason;
}
