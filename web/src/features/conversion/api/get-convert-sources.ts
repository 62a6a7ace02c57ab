import { ConnectionListSchema, type ConnectionList, type Page, type PlaylistSummary, type ProviderName, type ServicePlaylistPage } from '@muse/shared';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { conversionKeys } from './conversion-keys';

/** Which services this server offers and which the user has connected (no tokens). */
export async function getConvertConnections(): Promise<ConnectionList> {
  return ConnectionListSchema.parse(await api.get('/api/connections'));
}

/** Query options for the user's connections, as the convert dialog needs them for its targets. */
export function getConvertConnectionsQueryOptions() {
  return queryOptions({ queryKey: conversionKeys.connections(), queryFn: getConvertConnections, staleTime: 30_000 });
}

/** The user's connected services. */
export function useConvertConnections() {
  return useQuery(getConvertConnectionsQueryOptions());
}

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

/** One page of the user's playlists on a connected service; `next` is the service's cursor. */
export async function getServicePlaylists(provider: ProviderName, cursor: string | null): Promise<ServicePlaylistPage> {
  return api.get<ServicePlaylistPage>(`/api/connections/${provider}/playlists${toQueryString({ cursor })}`);
}

/** The user's playlists on one service with "Show more"; asked only once the user opens that service. */
export function useServicePlaylists(provider: ProviderName, enabled: boolean) {
  return useInfiniteQuery({
    ...infiniteQueryOptions({
      queryKey: conversionKeys.servicePlaylists(provider),
      queryFn: ({ pageParam }) => getServicePlaylists(provider, pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.next,
    }),
    enabled,
  });
}
