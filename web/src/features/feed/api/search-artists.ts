import type { SearchResults } from '@muse/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Artists matching `q` (at least two characters), for muting one. */
export async function searchArtists(q: string): Promise<SearchResults['artists']> {
  const params = new URLSearchParams({ q: q.trim(), type: 'artist', limit: '6' });
  return (await api.get<SearchResults>(`/api/search?${params.toString()}`)).artists;
}

/** Query options for the artist picker of the feed filters. */
export function getSearchArtistsQueryOptions(q: string) {
  return queryOptions({ queryKey: ['search', 'mute-artist-picker', q.trim()], queryFn: () => searchArtists(q), staleTime: 60_000 });
}

/** Artist suggestions for muting; idle below two characters. */
export function useSearchArtists(q: string) {
  return useQuery({ ...getSearchArtistsQueryOptions(q), enabled: q.trim().length >= 2, placeholderData: keepPreviousData });
}
