import { SessionResponseSchema, type Me } from '@muse/shared';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api, isApiError, refreshCsrfToken, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './session';

/**
 * Loads the signed-in user and keeps the session's CSRF token; when nobody is signed in,
 * fetches an anonymous token instead and resolves with null.
 */
export async function getMe(): Promise<Me | null> {
  try {
    const session = SessionResponseSchema.parse(await api.get('/api/me'));
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      await refreshCsrfToken();
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
