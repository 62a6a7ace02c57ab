import type { RatingTimeline } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** The signed-in viewer's own ratings of an album over time. */
export async function getMyTimeline(albumId: string): Promise<RatingTimeline> {
  return api.get<RatingTimeline>(`/api/albums/${encodeURIComponent(albumId)}/my-timeline`);
}

/** Query options for the viewer's timeline; under the album's key, so a rating or a logged listen refreshes it too. */
export function getMyTimelineQueryOptions(albumId: string) {
  return queryOptions({ queryKey: catalogKeys.albumMyTimeline(albumId), queryFn: () => getMyTimeline(albumId) });
}

/** The viewer's timeline, read only when someone is signed in. */
export function useMyTimeline(albumId: string, signedIn: boolean) {
  return useQuery({ ...getMyTimelineQueryOptions(albumId), enabled: signedIn });
}
