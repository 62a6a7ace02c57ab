import type { Page, PlaylistSummary } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { conversionKeys } from './conversion-keys';

/** One page of the user's own Muse playlists (tracks, not album lists), as conversion sources. */
export async function getMusePlaylists(cursor: string | null): Promise<Page<PlaylistSummary>> {
  return api.get<Page<PlaylistSummary>>(`/api/playlists${toQueryString({ filter: 'mine', kind: 'playlist', cursor, limit: 20 })}`);
}

/** The user's Muse playlists with "Show more". */
export function useMusePlaylists() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: conversionKeys.musePlaylists(),
      queryFn: ({ pageParam }) => getMusePlaylists(pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
  );
}
