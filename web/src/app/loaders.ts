import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { getFailedJobsQueryOptions } from '../features/admin/api/get-failed-jobs';
import { getMeQueryOptions } from '../features/auth/api/get-me';
import { getNotificationsQueryOptions } from '../features/notifications/api/get-notifications';
import { getUnreadCountQueryOptions } from '../features/notifications/api/get-unread-count';
import { loginPathFor, safeNextPath } from '../lib/redirects';

/** Route loaders; each prefetches with the same query options its components read. */
export function createLoaders(queryClient: QueryClient) {
  const ensureMe = () => queryClient.ensureQueryData(getMeQueryOptions());

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
    /** Everything inside the app shell needs a session. */
    protected: async ({ request }: LoaderFunctionArgs) => {
      if (!(await ensureMe())) {
        const url = new URL(request.url);
        throw redirect(loginPathFor(url.pathname + url.search));
      }
      void queryClient.prefetchQuery(getUnreadCountQueryOptions());
      return null;
    },
    notifications: async () => {
      void queryClient.prefetchInfiniteQuery(getNotificationsQueryOptions());
      return null;
    },
    adminJobs: async () => {
      const me = await ensureMe();
      if (me?.role === 'admin') void queryClient.prefetchQuery(getFailedJobsQueryOptions());
      return null;
    },
  };
}
