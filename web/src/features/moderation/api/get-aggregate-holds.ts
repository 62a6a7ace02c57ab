import type { AggregateHoldPage } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Cache key of the held albums list; a decision refreshes it. */
export const aggregateHoldsQueryKey = ['admin', 'aggregate-holds'] as const;

/** One page of albums whose weighted score is held, oldest hold first (admins only). */
export async function getAggregateHolds(cursor?: string | null): Promise<AggregateHoldPage> {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api.get<AggregateHoldPage>(`/api/admin/aggregate-holds?${params.toString()}`);
}

/** Infinite-query options for the held albums. */
export function getAggregateHoldsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: aggregateHoldsQueryKey,
    queryFn: ({ pageParam }) => getAggregateHolds(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Held albums, with "load more". */
export function useAggregateHolds() {
  return useInfiniteQuery(getAggregateHoldsQueryOptions());
}
