import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunction, type RouteObject } from 'react-router';
import { PageSpinner } from '../components/ui/spinner';
import { AppFrame } from './layouts/app-frame';
import { PublicLayout } from './layouts/public-layout';
import { RequireSession } from './layouts/require-session';
import { RootLayout } from './layouts/root-layout';
import { lazyComponent, type LazyComponent } from '../lib/lazy-component';
import { createLoaders } from './loaders';
import { LandingRoute } from './routes/landing-route';
import { RouteError } from './routes/route-error';

// The landing page, the frames and the error page are in the first download; every other page is
// a chunk of its own, fetched when it is first visited (its loader starts the fetch beside the
// page's data). build/bundle-budget.test.ts keeps the first download within its budget.
const pages = {
  register: lazyComponent(
    () => import('./routes/register-route'),
    (m) => m.RegisterRoute,
  ),
  login: lazyComponent(
    () => import('./routes/login-route'),
    (m) => m.LoginRoute,
  ),
  signupSpotify: lazyComponent(
    () => import('./routes/signup-spotify-route'),
    (m) => m.SignupSpotifyRoute,
  ),
  home: lazyComponent(
    () => import('./routes/home-route'),
    (m) => m.HomeRoute,
  ),
  notifications: lazyComponent(
    () => import('./routes/notifications-route'),
    (m) => m.NotificationsRoute,
  ),
  settings: lazyComponent(
    () => import('./routes/settings-route'),
    (m) => m.SettingsRoute,
  ),
  profileSettings: lazyComponent(
    () => import('./routes/profile-settings-route'),
    (m) => m.ProfileSettingsRoute,
  ),
  connectApple: lazyComponent(
    () => import('./routes/connect-apple-route'),
    (m) => m.ConnectAppleRoute,
  ),
  playlists: lazyComponent(
    () => import('./routes/playlists-route'),
    (m) => m.PlaylistsRoute,
  ),
  playlistImport: lazyComponent(
    () => import('./routes/playlist-import-route'),
    (m) => m.PlaylistImportRoute,
  ),
  import: lazyComponent(
    () => import('./routes/import-route'),
    (m) => m.ImportRoute,
  ),
  importStatus: lazyComponent(
    () => import('./routes/import-status-route'),
    (m) => m.ImportStatusRoute,
  ),
  convert: lazyComponent(
    () => import('./routes/convert-route'),
    (m) => m.ConvertRoute,
  ),
  conversions: lazyComponent(
    () => import('./routes/conversions-route'),
    (m) => m.ConversionsRoute,
  ),
  conversion: lazyComponent(
    () => import('./routes/conversion-route'),
    (m) => m.ConversionRoute,
  ),
  listenLater: lazyComponent(
    () => import('./routes/listen-later-route'),
    (m) => m.ListenLaterRoute,
  ),
  discover: lazyComponent(
    () => import('./routes/discover-route'),
    (m) => m.DiscoverRoute,
  ),
  adminJobs: lazyComponent(
    () => import('./routes/admin-jobs-route'),
    (m) => m.AdminJobsRoute,
  ),
  adminReports: lazyComponent(
    () => import('./routes/admin-reports-route'),
    (m) => m.AdminReportsRoute,
  ),
  search: lazyComponent(
    () => import('./routes/search-route'),
    (m) => m.SearchRoute,
  ),
  charts: lazyComponent(
    () => import('./routes/charts-route'),
    (m) => m.ChartsRoute,
  ),
  moderationLog: lazyComponent(
    () => import('./routes/moderation-log-route'),
    (m) => m.ModerationLogRoute,
  ),
  playlist: lazyComponent(
    () => import('./routes/playlist-route'),
    (m) => m.PlaylistRoute,
  ),
  album: lazyComponent(
    () => import('./routes/album-route'),
    (m) => m.AlbumRoute,
  ),
  track: lazyComponent(
    () => import('./routes/track-route'),
    (m) => m.TrackRoute,
  ),
  artist: lazyComponent(
    () => import('./routes/artist-route'),
    (m) => m.ArtistRoute,
  ),
  review: lazyComponent(
    () => import('./routes/review-route'),
    (m) => m.ReviewRoute,
  ),
  profile: lazyComponent(
    () => import('./routes/profile-route'),
    (m) => m.ProfileRoute,
  ),
  followList: lazyComponent(
    () => import('./routes/follow-list-route'),
    (m) => m.FollowListRoute,
  ),
  diary: lazyComponent(
    () => import('./routes/diary-route'),
    (m) => m.DiaryRoute,
  ),
  party: lazyComponent(
    () => import('./routes/party-routes'),
    (m) => m.PartyRoute,
  ),
  parties: lazyComponent(
    () => import('./routes/party-routes'),
    (m) => m.PartiesRoute,
  ),
  newParty: lazyComponent(
    () => import('./routes/party-routes'),
    (m) => m.NewPartyRoute,
  ),
  notFound: lazyComponent(
    () => import('./routes/not-found-route'),
    (m) => m.NotFoundRoute,
  ),
};

/** A route loader that first starts fetching `lazy`'s code, then does what `loader` does (if anything). */
function preloading<P extends object>(lazy: LazyComponent<P>, loader?: LoaderFunction): LoaderFunction {
  return (args, context) => {
    // A failed fetch is not this loader's to report: the page asks again as it renders.
    lazy.preload().catch(() => undefined);
    return loader ? loader(args, context) : null;
  };
}

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
            { path: 'register', loader: preloading(pages.register, loaders.guestOnly), element: <pages.register /> },
            { path: 'login', loader: preloading(pages.login, loaders.guestOnly), element: <pages.login /> },
            { path: 'signup/spotify', loader: preloading(pages.signupSpotify, loaders.guestOnly), element: <pages.signupSpotify /> },
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
                { path: 'home', loader: preloading(pages.home, loaders.home), element: <pages.home /> },
                { path: 'notifications', loader: preloading(pages.notifications, loaders.notifications), element: <pages.notifications /> },
                { path: 'settings', loader: preloading(pages.settings, loaders.settings), element: <pages.settings /> },
                { path: 'settings/profile', loader: preloading(pages.profileSettings, loaders.settings), element: <pages.profileSettings /> },
                { path: 'connect/apple', loader: preloading(pages.connectApple), element: <pages.connectApple /> },
                { path: 'playlists', loader: preloading(pages.playlists), element: <pages.playlists /> },
                { path: 'playlists/import', loader: preloading(pages.playlistImport), element: <pages.playlistImport /> },
                { path: 'import', loader: preloading(pages.import), element: <pages.import /> },
                { path: 'import/:id', loader: preloading(pages.importStatus), element: <pages.importStatus /> },
                { path: 'convert', loader: preloading(pages.convert), element: <pages.convert /> },
                { path: 'conversions', loader: preloading(pages.conversions), element: <pages.conversions /> },
                { path: 'conversions/:id', loader: preloading(pages.conversion), element: <pages.conversion /> },
                { path: 'listen-later', loader: preloading(pages.listenLater, loaders.listenLater), element: <pages.listenLater /> },
                { path: 'discover', loader: preloading(pages.discover), element: <pages.discover /> },
                { path: 'admin/jobs', loader: preloading(pages.adminJobs), element: <pages.adminJobs /> },
                { path: 'admin/reports', loader: preloading(pages.adminReports), element: <pages.adminReports /> },
                { path: 'parties', loader: preloading(pages.parties), element: <pages.parties /> },
                { path: 'parties/new', loader: preloading(pages.newParty), element: <pages.newParty /> },
                { path: 'parties/:id', loader: preloading(pages.party), element: <pages.party /> },
              ],
            },
            { path: 'search', loader: preloading(pages.search), element: <pages.search /> },
            { path: 'charts', loader: preloading(pages.charts, loaders.charts), element: <pages.charts /> },
            { path: 'moderation-log', loader: preloading(pages.moderationLog), element: <pages.moderationLog /> },
            { path: 'playlists/:id', loader: preloading(pages.playlist, loaders.playlist), element: <pages.playlist /> },
            { path: 'albums/:id', loader: preloading(pages.album, loaders.album), element: <pages.album /> },
            { path: 'tracks/:id', loader: preloading(pages.track, loaders.track), element: <pages.track /> },
            { path: 'artists/:id', loader: preloading(pages.artist, loaders.artist), element: <pages.artist /> },
            { path: 'reviews/:id', loader: preloading(pages.review, loaders.review), element: <pages.review /> },
            { path: 'users/:handle', loader: preloading(pages.profile, loaders.profile), element: <pages.profile /> },
            { path: 'users/:handle/followers', loader: preloading(pages.followList, loaders.followers), element: <pages.followList kind="followers" /> },
            { path: 'users/:handle/following', loader: preloading(pages.followList, loaders.following), element: <pages.followList kind="following" /> },
            { path: 'users/:handle/diary', loader: preloading(pages.diary, loaders.diary), element: <pages.diary /> },
          ],
        },
        {
          element: <PublicLayout />,
          children: [{ path: '*', loader: preloading(pages.notFound), element: <pages.notFound /> }],
        },
      ],
    },
  ];
}

/** The browser router for the running app. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
