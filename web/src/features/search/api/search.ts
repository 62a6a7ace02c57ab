import type { SEARCH_TYPES, SearchResults } from '@muse/shared';

type SearchType = (typeof SEARCH_TYPES)[number];
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';

/** What can be asked of `GET /api/search`; `q` needs at least two characters after trimming. */
export interface SearchParams {
  q: string;
  type?: SearchType;
  genre?: string;
  year?: number;
  limit?: number;
}

/** The shortest query the API answers (the autocomplete starts here). */
export const SEARCH_MIN_CHARS = 2;

/** Albums, artists, tracks, users and public playlists matching `q`, best first; typos and accents are forgiven by the server. */
export async function search(params: SearchParams): Promise<SearchResults> {
  return api.get<SearchResults>(`/api/search${toQueryString({ ...params, q: params.q.trim() })}`);
}

/** Query options for one search; the key holds every parameter so filters cache separately. */
export function getSearchQueryOptions(params: SearchParams) {
  const key = { q: params.q.trim(), type: params.type, genre: params.genre, year: params.year, limit: params.limit };
  return queryOptions({
    queryKey: catalogKeys.search(key),
    queryFn: () => search(params),
    staleTime: 60_000,
  });
}

/**
 * Search results for `params`, idle below two characters. While the next answer loads the
 * previous one stays on screen, so the list does not flicker as the user types.
 */
export function useSearch(params: SearchParams, options: { enabled?: boolean } = {}) {
  const longEnough = params.q.trim().length >= SEARCH_MIN_CHARS;
  return useQuery({ ...getSearchQueryOptions(params), enabled: longEnough && (options.enabled ?? true), placeholderData: keepPreviousData });
}
