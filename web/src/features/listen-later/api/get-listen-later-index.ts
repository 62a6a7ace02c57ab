import type { ListenLaterIndex } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listenLaterKeys } from '../../../lib/query-keys';

/** Every album id on the signed-in user's queue, and the kept ones. */
export async function getListenLaterIndex(): Promise<ListenLaterIndex> {
  return api.get<ListenLaterIndex>('/api/me/listen-later/ids');
}

/** Query options for the index: one cached answer serves every Listen later button on a page. */
export function getListenLaterIndexQueryOptions() {
  return queryOptions({ queryKey: listenLaterKeys.index(), queryFn: getListenLaterIndex });
}

/** The index, only while someone is signed in (`enabled`). */
export function useListenLaterIndex(enabled = true) {
  return useQuery({ ...getListenLaterIndexQueryOptions(), enabled });
}

/** Whether an album is queued and kept, by the index (false while it loads). */
export function listenLaterState(index: ListenLaterIndex | undefined, albumId: string): { queued: boolean; keep: boolean } {
  return { queued: index?.albumIds.includes(albumId) ?? false, keep: index?.keptAlbumIds.includes(albumId) ?? false };
}
