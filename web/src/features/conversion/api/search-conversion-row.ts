import type { ConversionCandidate } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { conversionKeys, conversionPath } from './conversion-keys';

/** Searches the conversion's target service for tracks that could stand for one report row. */
export async function searchConversionRow(id: string, index: number, q: string): Promise<ConversionCandidate[]> {
  return api.get<ConversionCandidate[]>(`${conversionPath(id)}/rows/${index}/search${toQueryString({ q })}`);
}

/** Query options for one search; nothing is asked until there is something to search for. */
export function getConversionRowSearchQueryOptions(id: string, index: number, q: string) {
  return queryOptions({
    queryKey: conversionKeys.search(id, index, q),
    queryFn: () => searchConversionRow(id, index, q),
    enabled: q.trim().length > 0,
    staleTime: 60_000,
  });
}

/** Target-service search results for a row being fixed. */
export function useConversionRowSearch(id: string, index: number, q: string) {
  return useQuery(getConversionRowSearchQueryOptions(id, index, q));
}
