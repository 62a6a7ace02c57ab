import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { getAlbumQueryOptions } from '../features/albums/api/get-album';
import { getMeQueryOptions } from '../features/auth/api/get-me';
import { getChartQueryOptions } from '../features/charts/api/get-chart';
import { getChartFacetsQueryOptions } from '../features/charts/api/get-chart-facets';
import { getUserDiaryQueryOptions } from '../features/diary/api/get-user-diary';
import { getFeedQueryOptions } from '../features/feed/api/get-feed';
import { getUnreadCountQueryOptions } from '../features/notifications/api/get-unread-count';
import { getProfileQueryOptions } from '../features/profiles/api/get-profile';
import { loginPathFor, safeNextPath } from '../lib/redirects';
import { AppShell } from './layouts/app-frame';
import { HOME_DIARY_SIZE, HOME_TRENDING_SIZE, listenLaterSortFrom } from './route-params';

/** Route loaders; each prefetches with the same query options its components read. */
export function createLoaders(queryClient: QueryClient) {
  const ensureMe = () => queryClient.ensureQueryData(getMeQueryOptions());
  const param = (args: LoaderFunctionArgs, name: string) => args.params[name] ?? '';

  return {
    root: async () => {
      await ensureMe();
      return null;
    },
    /** Signed-in visitors skip the pitch and go to their home. */
    landing: async () => {
      if (await ensureMe()) throw redirect('/home');
      return null;
    },
    /** Login and register make no sense while signed in. */
    guestOnly: async ({ request }: LoaderFunctionArgs) => {
      if (await ensureMe()) throw redirect(safeNextPath(new URL(request.url).searchParams.get('next')));
      return null;
    },
    /** The frame of app pages: the signed-in frame's code and the bell's count are wanted whenever someone is signed in. */
    frame: async () => {
      if (await ensureMe()) {
        AppShell.preload().catch(() => undefined);
        void queryClient.prefetchQuery(getUnreadCountQueryOptions());
      }
      return null;
    },
    /** Pages that need a session. */
    protected: async ({ request }: LoaderFunctionArgs) => {
      if (!(await ensureMe())) {
        const url = new URL(request.url);
        throw redirect(loginPathFor(url.pathname + url.search));
      }
      return null;
    },
    home: async () => {
      const me = await ensureMe();
      void queryClient.prefetchQuery(getChartQueryOptions({ kind: 'trending', limit: HOME_TRENDING_SIZE }));
      if (me) {
        void queryClient.prefetchInfiniteQuery(getFeedQueryOptions());
        void queryClient.prefetchInfiniteQuery(getUserDiaryQueryOptions(me.handle, HOME_DIARY_SIZE));
      }
      return null;
    },
    /** Settings show the signed-in user's own profile (privacy switches, the edit form). */
    settings: async () => {
      const me = await ensureMe();
      if (me) void queryClient.prefetchQuery(getProfileQueryOptions(me.handle));
      return null;
    },
    profile: async (args: LoaderFunctionArgs) => {
      const handle = param(args, 'handle');
      void queryClient.prefetchQuery(getProfileQueryOptions(handle));
      // The playlists card sits above the recent activity: asked beside the profile, it is there
      // when the page first draws instead of arriving after and pushing the activity down.
      const { getUserPlaylistsQueryOptions } = await import('../features/playlists/api/get-user-playlists');
      void queryClient.prefetchInfiniteQuery(getUserPlaylistsQueryOptions(handle));
      return null;
    },
    // Pages off the landing path import their query options with their own chunk (which the page
    // loads anyway), so the first download does not carry them.
    followers: async (args: LoaderFunctionArgs) => {
      const { getFollowListQueryOptions } = await import('../features/follows/api/get-follow-list');
      void queryClient.prefetchInfiniteQuery(getFollowListQueryOptions(param(args, 'handle'), 'followers'));
      return null;
    },
    following: async (args: LoaderFunctionArgs) => {
      const { getFollowListQueryOptions } = await import('../features/follows/api/get-follow-list');
      void queryClient.prefetchInfiniteQuery(getFollowListQueryOptions(param(args, 'handle'), 'following'));
      return null;
    },
    // The admin pages (jobs, reports) have no loader: few open them, and they read on mount.
    notifications: async () => {
      const { getNotificationsQueryOptions } = await import('../features/notifications/api/get-notifications');
      void queryClient.prefetchInfiniteQuery(getNotificationsQueryOptions());
      return null;
    },
    /** A playlist page (with its `?token=` when it is link-only). */
    playlist: async (args: LoaderFunctionArgs) => {
      const { getPlaylistQueryOptions } = await import('../features/playlists/api/get-playlist');
      void queryClient.prefetchQuery(getPlaylistQueryOptions(param(args, 'id'), new URL(args.request.url).searchParams.get('token')));
      return null;
    },
    album: async (args: LoaderFunctionArgs) => {
      void queryClient.prefetchQuery(getAlbumQueryOptions(param(args, 'id')));
      return null;
    },
    track: async (args: LoaderFunctionArgs) => {
      const { getTrackQueryOptions } = await import('../features/albums/api/get-track');
      void queryClient.prefetchQuery(getTrackQueryOptions(param(args, 'id')));
      return null;
    },
    artist: async (args: LoaderFunctionArgs) => {
      const { getArtistQueryOptions } = await import('../features/artists/api/get-artist');
      void queryClient.prefetchQuery(getArtistQueryOptions(param(args, 'id')));
      return null;
    },
    review: async (args: LoaderFunctionArgs) => {
      const { getReviewQueryOptions } = await import('../features/reviews/api/get-review');
      void queryClient.prefetchQuery(getReviewQueryOptions(param(args, 'id')));
      return null;
    },
    diary: async (args: LoaderFunctionArgs) => {
      void queryClient.prefetchInfiniteQuery(getUserDiaryQueryOptions(param(args, 'handle')));
      return null;
    },
    /** The queue in the order the address asks for, and the index its buttons read. */
    listenLater: async ({ request }: LoaderFunctionArgs) => {
      const [{ getListenLaterQueryOptions }, { getListenLaterIndexQueryOptions }] = await Promise.all([
        import('../features/listen-later/api/get-listen-later'),
        import('../features/listen-later/api/get-listen-later-index'),
      ]);
      void queryClient.prefetchInfiniteQuery(getListenLaterQueryOptions(listenLaterSortFrom(new URL(request.url).searchParams.get('sort'))));
      void queryClient.prefetchQuery(getListenLaterIndexQueryOptions());
      return null;
    },
    charts: async () => {
      void queryClient.prefetchQuery(getChartFacetsQueryOptions());
      return null;
    },
  };
}
