import type { ProviderName, ServicePlaylistPage } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { serviceImportKeys } from './service-import-keys';

/** One page of the user's playlists on a connected service; `next` is the service's cursor. */
export async function getServicePlaylists(provider: ProviderName, cursor: string | null): Promise<ServicePlaylistPage> {
  return api.get<ServicePlaylistPage>(`/api/connections/${provider}/playlists${toQueryString({ cursor })}`);
}

export function getServicePlaylistsQueryOptions(provider: ProviderName) {
  return infiniteQueryOptions({
    queryKey: serviceImportKeys.playlists(provider),
    queryFn: ({ pageParam }) => getServicePlaylists(provider, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next,
  });
}

/** The user's playlists on one service, a page at a time ("Show more"). */
export function useServicePlaylists(provider: ProviderName | null) {
  return useInfiniteQuery({ ...getServicePlaylistsQueryOptions(provider ?? 'spotify'), enabled: provider !== null });
}
