import type { PlaylistView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { playlistKeys } from './playlist-keys';

/** What a like or unlike answers. */
export interface PlaylistLikeResult {
  liked: boolean;
  likeCount: number;
}

/** Likes (`PUT`) or unlikes (`DELETE`) a playlist; liking twice is harmless. `token` for link playlists. */
export async function likePlaylist({ id, liked, token }: { id: string; liked: boolean; token?: string | null }): Promise<PlaylistLikeResult> {
  const path = `/api/playlists/${encodeURIComponent(id)}/like${toQueryString({ token })}`;
  return liked ? api.put<PlaylistLikeResult>(path) : api.delete<PlaylistLikeResult>(path);
}

/** Mutation for the like button: flips at once, takes the server's count, rolls back on failure. */
export function useLikePlaylist() {
  const queryClient = useQueryClient();
  const setLike = (id: string, liked: boolean, likeCount: number) =>
    queryClient.setQueryData<PlaylistView>(playlistKeys.detail(id), (view) => (view ? { ...view, likedByViewer: liked, likeCount } : view));
  return useMutation({
    mutationFn: likePlaylist,
    onMutate: ({ id, liked }) => {
      const view = queryClient.getQueryData<PlaylistView>(playlistKeys.detail(id));
      const previous = view ? { liked: view.likedByViewer, likeCount: view.likeCount } : null;
      if (view && view.likedByViewer !== liked) setLike(id, liked, view.likeCount + (liked ? 1 : -1));
      return { previous };
    },
    onSuccess: (result, { id }) => {
      setLike(id, result.liked, result.likeCount);
      void queryClient.invalidateQueries({ queryKey: playlistKeys.list('liked', undefined).slice(0, 3) });
    },
    onError: (_error, { id }, context) => {
      if (context?.previous) setLike(id, context.previous.liked, context.previous.likeCount);
    },
  });
}
