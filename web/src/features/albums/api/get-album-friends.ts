import type { AlbumPage } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

type Friends = AlbumPage['friends'];

/** People the viewer follows who rated the album, with their ratings (empty when signed out). */
export async function getAlbumFriends(albumId: string): Promise<Friends> {
  return (await api.get<{ friends: Friends }>(`/api/albums/${encodeURIComponent(albumId)}/friends`)).friends;
}

/** Query options for "Popular with friends"; under the album's key, so a rating refreshes it too. */
export function getAlbumFriendsQueryOptions(albumId: string) {
  return queryOptions({ queryKey: [...catalogKeys.album(albumId), 'friends'] as const, queryFn: () => getAlbumFriends(albumId) });
}

/**
 * Friends' ratings of an album: the album page's own `friends` (undefined while it loads) when
 * it carries them, else asked of `GET /api/albums/:id/friends` (for signed-in viewers only).
 */
export function useAlbumFriends(albumId: string, pageFriends: Friends | undefined, signedIn: boolean): Friends {
  const loaded = pageFriends !== undefined;
  const fromPage = pageFriends ?? [];
  const fetched = useQuery({ ...getAlbumFriendsQueryOptions(albumId), enabled: signedIn && loaded && fromPage.length === 0 });
  return fromPage.length > 0 ? fromPage : (fetched.data ?? []);
}
