import type { ModerationLogPage } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Cache key of the public moderation log. */
export const moderationLogQueryKey = ['moderation-log'] as const;

/** One page of the public moderation log, newest first. */
export async function getModerationLog(cursor?: string | null): Promise<ModerationLogPage> {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api.get<ModerationLogPage>(`/api/moderation-log?${params.toString()}`);
}

/** Infinite-query options for the moderation log; the route loader prefetches with them. */
export function getModerationLogQueryOptions() {
  return infiniteQueryOptions({
    queryKey: moderationLogQueryKey,
    queryFn: ({ pageParam }) => getModerationLog(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The moderation log, with "load more". */
export function useModerationLog() {
  return useInfiniteQuery(getModerationLogQueryOptions());
}
