import type { ConnectionList, ProviderName, ServicePlaylistPage } from '@muse/shared';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import { loadSchemas } from './shared-schemas';
import { toQueryString } from './query-params';

/**
 * The music services as every feature reads them (settings, imports, conversion, the search page's
 * albums from the services): their names, the user's connections and the user's playlists on one,
 * under one cache, so connecting or disconnecting in one place is seen in all.
 */
export const SERVICE_NAMES: Record<ProviderName, string> = { spotify: 'Spotify', apple: 'Apple Music' };

export const musicServiceKeys = {
  connections: ['connections', 'list'] as const,
  playlists: (provider: ProviderName) => ['connections', 'playlists', provider] as const,
};

/** Which services this server offers and which the user has connected (never a token). */
export async function getConnections(): Promise<ConnectionList> {
  const answer = await api.get('/api/connections');
  return (await loadSchemas()).ConnectionListSchema.parse(answer);
}

export function getConnectionsQueryOptions() {
  return queryOptions({ queryKey: musicServiceKeys.connections, queryFn: getConnections, staleTime: 30_000 });
}

/** The signed-in user's connected services and which ones this server offers. */
export function useConnections() {
  return useQuery(getConnectionsQueryOptions());
}

/** One page of the user's playlists on a connected service; `next` is the service's cursor. */
export async function getServicePlaylists(provider: ProviderName, cursor: string | null): Promise<ServicePlaylistPage> {
  return api.get<ServicePlaylistPage>(`/api/connections/${provider}/playlists${toQueryString({ cursor })}`);
}

/** The user's playlists on one service, a page at a time ("Show more"); asked only while `enabled`. */
export function useServicePlaylists(provider: ProviderName | null, enabled = true) {
  return useInfiniteQuery({
    ...infiniteQueryOptions({
      queryKey: musicServiceKeys.playlists(provider ?? 'spotify'),
      queryFn: ({ pageParam }) => getServicePlaylists(provider ?? 'spotify', pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.next,
    }),
    enabled: provider !== null && enabled,
  });
}
