import type { AggregateView, AlbumAggregate } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** One view of an album's aggregate (everyone, established accounts, people I follow, people with my taste). */
export async function getAlbumAggregate(albumId: string, view: AggregateView): Promise<AlbumAggregate> {
  return api.get<AlbumAggregate>(`/api/albums/${encodeURIComponent(albumId)}/aggregate?view=${view}`);
}

/** Query options for one view; under the album's key, so a rating refreshes it too. */
export function getAlbumAggregateQueryOptions(albumId: string, view: AggregateView) {
  return queryOptions({ queryKey: [...catalogKeys.album(albumId), 'aggregate', view] as const, queryFn: () => getAlbumAggregate(albumId, view) });
}

/** The chosen view, read only when it is not the page's own "everyone" aggregate. */
export function useAlbumAggregate(albumId: string, view: AggregateView) {
  return useQuery({ ...getAlbumAggregateQueryOptions(albumId, view), enabled: view !== 'everyone' });
}
