import type { TrackPage } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** The track page in one call: the track with its aggregate, its album, the viewer's rating and newest review. */
export async function getTrack(id: string): Promise<TrackPage> {
  return api.get<TrackPage>(`/api/tracks/${encodeURIComponent(id)}`);
}

/** Query options for one track page, shared by the route loader and the page. */
export function getTrackQueryOptions(id: string) {
  return queryOptions({ queryKey: catalogKeys.track(id), queryFn: () => getTrack(id) });
}

/** The track page's data. */
export function useTrack(id: string) {
  return useQuery(getTrackQueryOptions(id));
}
