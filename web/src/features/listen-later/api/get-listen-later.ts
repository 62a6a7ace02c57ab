import type { ListenLaterItem, ListenLaterSort, Page } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listenLaterKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';

/** One page of the signed-in user's Listen later queue in the chosen order. */
export async function getListenLater({
  sort,
  cursor,
  limit,
}: {
  sort: ListenLaterSort;
  cursor?: string | null;
  limit?: number;
}): Promise<Page<ListenLaterItem>> {
  return api.get<Page<ListenLaterItem>>(`/api/me/listen-later${toQueryString({ sort, cursor, limit })}`);
}

/** Infinite-query options for the queue; `limit` sets the page size (My Muse shows a few). */
export function getListenLaterQueryOptions(sort: ListenLaterSort, limit = 30) {
  return infiniteQueryOptions({
    queryKey: listenLaterKeys.list(sort, limit),
    queryFn: ({ pageParam }) => getListenLater({ sort, cursor: pageParam, limit }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The queue with "load more". */
export function useListenLater(sort: ListenLaterSort, limit = 30, enabled = true) {
  return useInfiniteQuery({ ...getListenLaterQueryOptions(sort, limit), enabled });
}
