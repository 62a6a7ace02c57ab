import type { ListenLaterIndex, ListenLaterItem } from '@muse/shared';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listenLaterKeys } from '../../../lib/query-keys';

const path = (albumId: string) => `/api/me/listen-later/${encodeURIComponent(albumId)}`;

/** Queues an album (`PUT`, idempotent) or takes it off (`DELETE`, idempotent). */
export async function toggleListenLater({ albumId, queued }: { albumId: string; queued: boolean }): Promise<ListenLaterItem | undefined> {
  return queued ? api.put<ListenLaterItem>(path(albumId), {}) : api.delete<undefined>(path(albumId));
}

/** Sets `keep` on a queued album (`PATCH`). */
export async function setListenLaterKeep({ albumId, keep }: { albumId: string; keep: boolean }): Promise<ListenLaterItem> {
  return api.patch<ListenLaterItem>(path(albumId), { keep });
}

/** The index with one album's state applied: newly queued albums go first, as the server lists them. */
export function indexWith(index: ListenLaterIndex, albumId: string, state: { queued: boolean; keep: boolean }): ListenLaterIndex {
  const albumIds = index.albumIds.filter((id) => id !== albumId);
  const keptAlbumIds = index.keptAlbumIds.filter((id) => id !== albumId);
  return {
    albumIds: state.queued ? [albumId, ...albumIds] : albumIds,
    keptAlbumIds: state.queued && state.keep ? [albumId, ...keptAlbumIds] : keptAlbumIds,
  };
}

/** Every Listen later write shares this key, so each knows whether others are still on their way. */
const MUTATION_KEY = ['listen-later'] as const;

/**
 * After a write: the lists refetch; the index too, unless another write is still on its way,
 * whose optimistic state a refetch started now could overwrite with an answer from before it.
 */
function refreshAfterWrite(queryClient: QueryClient): Promise<void> {
  const others = queryClient.isMutating({ mutationKey: MUTATION_KEY }) > 1;
  return queryClient.invalidateQueries({ queryKey: others ? listenLaterKeys.lists() : listenLaterKeys.all });
}

/** Applies a state to the cached index (if any) and answers what it was, to put back on failure. */
async function patchIndex(queryClient: QueryClient, albumId: string, state: { queued: boolean; keep?: boolean }): Promise<ListenLaterIndex | undefined> {
  await queryClient.cancelQueries({ queryKey: listenLaterKeys.index() });
  const previous = queryClient.getQueryData<ListenLaterIndex>(listenLaterKeys.index());
  if (previous) {
    const keep = state.keep ?? previous.keptAlbumIds.includes(albumId);
    queryClient.setQueryData(listenLaterKeys.index(), indexWith(previous, albumId, { queued: state.queued, keep }));
  }
  return previous;
}

/**
 * Mutation behind the Listen later button: the button shows the new state at once (the cached
 * index changes before the request), the lists refresh after it, and a refusal (a full queue,
 * a lost connection) puts the old state back.
 */
export function useToggleListenLater() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: MUTATION_KEY,
    mutationFn: toggleListenLater,
    onMutate: ({ albumId, queued }) => patchIndex(queryClient, albumId, { queued }),
    onError: (_error, _input, previous) => {
      if (previous) queryClient.setQueryData(listenLaterKeys.index(), previous);
    },
    onSettled: () => refreshAfterWrite(queryClient),
  });
}

/** Mutation for the "keep" switch, optimistic in the index like the button. */
export function useSetListenLaterKeep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: MUTATION_KEY,
    mutationFn: setListenLaterKeep,
    onMutate: ({ albumId, keep }) => patchIndex(queryClient, albumId, { queued: true, keep }),
    onError: (_error, _input, previous) => {
      if (previous) queryClient.setQueryData(listenLaterKeys.index(), previous);
    },
    onSettled: () => refreshAfterWrite(queryClient),
  });
}
