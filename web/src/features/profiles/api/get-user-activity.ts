import type { ProfileActivityPage } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';

/** How many items one page of a profile's recent activity asks for. */
export const USER_ACTIVITY_PAGE_SIZE = 10;

/** One page of what `handle` did that the viewer may see, newest first; pass `nextCursor` for the next. */
export async function getUserActivity({
  handle,
  cursor,
  limit = USER_ACTIVITY_PAGE_SIZE,
}: {
  handle: string;
  cursor?: string | null;
  limit?: number;
}): Promise<ProfileActivityPage> {
  return api.get<ProfileActivityPage>(`/api/users/${encodeURIComponent(handle)}/activity${toQueryString({ cursor, limit })}`);
}

/**
 * Infinite-query options for a profile's recent activity. Whether the viewer follows the owner
 * is part of the key: it decides whether followers-only activity shows, so a follow or a block
 * (which ends the follow) asks again.
 */
export function getUserActivityQueryOptions(handle: string, following = false) {
  return infiniteQueryOptions({
    queryKey: [...socialKeys.userActivity(handle), { following }] as const,
    queryFn: ({ pageParam }) => getUserActivity({ handle, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** A profile's recent activity with "Show more". */
export function useUserActivity(handle: string, following = false) {
  return useInfiniteQuery(getUserActivityQueryOptions(handle, following));
}
