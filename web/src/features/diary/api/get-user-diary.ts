import type { DiaryEntryView, Page } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';

/** One page of a user's diary, most recent listen first. */
export async function getUserDiary({ handle, cursor, limit }: { handle: string; cursor?: string | null; limit?: number }): Promise<Page<DiaryEntryView>> {
  return api.get<Page<DiaryEntryView>>(`/api/users/${encodeURIComponent(handle)}/diary${toQueryString({ cursor, limit })}`);
}

/** Infinite-query options for a user's diary; `limit` sets the page size (the home page shows a few). */
export function getUserDiaryQueryOptions(handle: string, limit = 30) {
  return infiniteQueryOptions({
    queryKey: [...catalogKeys.userDiary(handle), limit] as const,
    queryFn: ({ pageParam }) => getUserDiary({ handle, cursor: pageParam, limit }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** A user's diary with "load more". */
export function useUserDiary(handle: string, limit = 30) {
  return useInfiniteQuery(getUserDiaryQueryOptions(handle, limit));
}
