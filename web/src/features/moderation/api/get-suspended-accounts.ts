import type { SuspendedAccountPage } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Cache key of the suspended accounts list; lifting or suspending refreshes it. */
export const suspendedAccountsQueryKey = ['admin', 'suspended-accounts'] as const;

/** One page of suspended accounts, most recently suspended first (admins only). */
export async function getSuspendedAccounts(cursor?: string | null): Promise<SuspendedAccountPage> {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api.get<SuspendedAccountPage>(`/api/admin/users/suspended?${params.toString()}`);
}

/** Infinite-query options for the suspended accounts list. */
export function getSuspendedAccountsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: suspendedAccountsQueryKey,
    queryFn: ({ pageParam }) => getSuspendedAccounts(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Suspended accounts, with "load more". */
export function useSuspendedAccounts() {
  return useInfiniteQuery(getSuspendedAccountsQueryOptions());
}
