import type { ExternalSearchResults, ProviderName } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';

/** Query keys of catalog enrichment. */
export const enrichmentKeys = {
  all: ['catalog-enrichment'] as const,
  search: (provider: ProviderName, q: string) => [...enrichmentKeys.all, 'search', provider, q] as const,
};

/** Albums on Spotify or Apple Music matching `q`, each marked with the Muse album it already is (or null). */
export async function searchExternalAlbums(provider: ProviderName, q: string): Promise<ExternalSearchResults> {
  return api.get<ExternalSearchResults>(`/api/catalog/external-search${toQueryString({ q: q.trim(), provider })}`);
}

export function getExternalSearchQueryOptions(provider: ProviderName, q: string) {
  return queryOptions({
    queryKey: enrichmentKeys.search(provider, q.trim()),
    queryFn: () => searchExternalAlbums(provider, q),
    staleTime: 5 * 60_000,
    // A service that is down says so at once; asking again is the person's choice.
    retry: false,
  });
}

/** The service's albums for `q`, idle until a provider is chosen. */
export function useExternalSearch(provider: ProviderName | null, q: string) {
  return useQuery({ ...getExternalSearchQueryOptions(provider ?? 'spotify', q), enabled: provider !== null && q.trim().length >= 2 });
}
