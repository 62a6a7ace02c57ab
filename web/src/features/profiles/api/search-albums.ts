import type { SearchResults } from '@muse/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Albums matching `q` (at least two characters), for choosing a favourite. */
export async function searchAlbums(q: string): Promise<SearchResults['albums']> {
  const params = new URLSearchParams({ q: q.trim(), type: 'album', limit: '6' });
  return (await api.get<SearchResults>(`/api/search?${params.toString()}`)).albums;
}

/** Query options for the favourite picker's search. */
export function getSearchAlbumsQueryOptions(q: string) {
  return queryOptions({ queryKey: ['search', 'favourite-picker', q.trim()], queryFn: () => searchAlbums(q), staleTime: 60_000 });
}

/** Album suggestions for the favourite picker; idle below two characters. */
export function useSearchAlbums(q: string) {
  return useQuery({ ...getSearchAlbumsQueryOptions(q), enabled: q.trim().length >= 2, placeholderData: keepPreviousData });
}
