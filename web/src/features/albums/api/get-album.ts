import type { AlbumPage } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** Everything the album page shows in one call: album, tracks, scores, the viewer's rating and listens, top reviews. */
export async function getAlbum(id: string): Promise<AlbumPage> {
  return api.get<AlbumPage>(`/api/albums/${encodeURIComponent(id)}`);
}

/** Query options for one album page, shared by the route loader and the page. */
export function getAlbumQueryOptions(id: string) {
  return queryOptions({ queryKey: catalogKeys.album(id), queryFn: () => getAlbum(id) });
}

/** The album page's data; live `album:stats` events patch its stats in place. */
export function useAlbum(id: string) {
  return useQuery(getAlbumQueryOptions(id));
}
