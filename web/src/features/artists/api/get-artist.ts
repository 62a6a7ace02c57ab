import type { ArtistPage } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** An artist and their albums with scores. */
export async function getArtist(id: string): Promise<ArtistPage> {
  return api.get<ArtistPage>(`/api/artists/${encodeURIComponent(id)}`);
}

/** Query options for one artist page. */
export function getArtistQueryOptions(id: string) {
  return queryOptions({ queryKey: catalogKeys.artist(id), queryFn: () => getArtist(id) });
}

/** The artist page's data. */
export function useArtist(id: string) {
  return useQuery(getArtistQueryOptions(id));
}
