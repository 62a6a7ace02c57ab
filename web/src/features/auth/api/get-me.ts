import type { Me, SessionResponse } from '@muse/shared';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api, isApiError, refreshCsrfToken, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './session';

/**
 * Loads the signed-in user and keeps the session's CSRF token; when nobody is signed in,
 * resolves with null at once and fetches an anonymous token meanwhile (the first page need not
 * wait for it: a write waits for the same request).
 */
export async function getMe(): Promise<Me | null> {
  try {
    const session = await api.get<SessionResponse>('/api/me');
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      // A failure is the write's to report: it asks again before sending.
      refreshCsrfToken().catch(() => undefined);
      return null;
    }
    throw error;
  }
}

/** Query options for the signed-in user, shared by route loaders and components. */
export function getMeQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}

/** The signed-in user, or null; route loaders have already fetched it. */
export function useMe(): Me | null {
  return useSuspenseQuery(getMeQueryOptions()).data;
}
