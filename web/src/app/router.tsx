import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSpinner } from '../components/ui/spinner';
import { AppFrame } from './layouts/app-frame';
import { PublicLayout } from './layouts/public-layout';
import { RequireSession } from './layouts/require-session';
import { RootLayout } from './layouts/root-layout';
import { createLoaders } from './loaders';
import { AdminJobsRoute } from './routes/admin-jobs-route';
import { AdminReportsRoute } from './routes/admin-reports-route';
import { AlbumRoute } from './routes/album-route';
import { ArtistRoute } from './routes/artist-route';
import { ChartsRoute } from './routes/charts-route';
import { DiscoverRoute } from './routes/discover-route';
import { ConversionRoute } from './routes/conversion-route';
import { ConversionsRoute } from './routes/conversions-route';
import { ConvertRoute } from './routes/convert-route';
import { ConnectAppleRoute } from './routes/connect-apple-route';
import { DiaryRoute } from './routes/diary-route';
import { FollowListRoute } from './routes/follow-list-route';
import { HomeRoute } from './routes/home-route';
import { ImportRoute } from './routes/import-route';
import { ImportStatusRoute } from './routes/import-status-route';
import { LandingRoute } from './routes/landing-route';
import { ListenLaterRoute } from './routes/listen-later-route';
import { PlaylistImportRoute } from './routes/playlist-import-route';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';
import { NotificationsRoute } from './routes/notifications-route';
import { PlaylistRoute } from './routes/playlist-route';
import { PlaylistsRoute } from './routes/playlists-route';
import { ProfileRoute } from './routes/profile-route';
import { ProfileSettingsRoute } from './routes/profile-settings-route';
import { RegisterRoute } from './routes/register-route';
import { ReviewRoute } from './routes/review-route';
import { RouteError } from './routes/route-error';
import { SearchRoute } from './routes/search-route';
import { SettingsRoute } from './routes/settings-route';
import { SignupSpotifyRoute } from './routes/signup-spotify-route';

/** The route table; loaders get the app's QueryClient to prefetch and guard. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const loaders = createLoaders(queryClient);
  return [
    {
      id: 'root',
      element: <RootLayout />,
      loader: loaders.root,
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageSpinner label="Loading Muse" />,
      children: [
        {
          element: <PublicLayout />,
          children: [
            { index: true, loader: loaders.landing, element: <LandingRoute /> },
            { path: 'register', loader: loaders.guestOnly, element: <RegisterRoute /> },
            { path: 'login', loader: loaders.guestOnly, element: <LoginRoute /> },
            { path: 'signup/spotify', loader: loaders.guestOnly, element: <SignupSpotifyRoute /> },
          ],
        },
        {
          // One frame for every app page, so moving between them never remounts the header.
          element: <AppFrame />,
          loader: loaders.frame,
          children: [
            {
              element: <RequireSession />,
              loader: loaders.protected,
              children: [
                { path: 'home', loader: loaders.home, element: <HomeRoute /> },
                { path: 'notifications', loader: loaders.notifications, element: <NotificationsRoute /> },
                { path: 'settings', loader: loaders.settings, element: <SettingsRoute /> },
                { path: 'settings/profile', loader: loaders.settings, element: <ProfileSettingsRoute /> },
                { path: 'connect/apple', element: <ConnectAppleRoute /> },
                { path: 'playlists', element: <PlaylistsRoute /> },
                { path: 'playlists/import', element: <PlaylistImportRoute /> },
                { path: 'import', element: <ImportRoute /> },
                { path: 'import/:id', element: <ImportStatusRoute /> },
                { path: 'convert', element: <ConvertRoute /> },
                { path: 'conversions', element: <ConversionsRoute /> },
                { path: 'conversions/:id', element: <ConversionRoute /> },
                { path: 'listen-later', loader: loaders.listenLater, element: <ListenLaterRoute /> },
                { path: 'discover', element: <DiscoverRoute /> },
                { path: 'admin/jobs', loader: loaders.adminJobs, element: <AdminJobsRoute /> },
                { path: 'admin/reports', loader: loaders.adminReports, element: <AdminReportsRoute /> },
              ],
            },
            { path: 'search', element: <SearchRoute /> },
            { path: 'charts', loader: loaders.charts, element: <ChartsRoute /> },
            { path: 'playlists/:id', element: <PlaylistRoute /> },
            { path: 'albums/:id', loader: loaders.album, element: <AlbumRoute /> },
            { path: 'artists/:id', loader: loaders.artist, element: <ArtistRoute /> },
            { path: 'reviews/:id', loader: loaders.review, element: <ReviewRoute /> },
            { path: 'users/:handle', loader: loaders.profile, element: <ProfileRoute /> },
            { path: 'users/:handle/followers', loader: loaders.followers, element: <FollowListRoute kind="followers" /> },
            { path: 'users/:handle/following', loader: loaders.following, element: <FollowListRoute kind="following" /> },
            { path: 'users/:handle/diary', loader: loaders.diary, element: <DiaryRoute /> },
          ],
        },
        {
          element: <PublicLayout />,
          children: [{ path: '*', element: <NotFoundRoute /> }],
        },
      ],
    },
  ];
}

/** The browser router for the running app. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
