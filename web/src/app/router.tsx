import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSpinner } from '../components/ui/spinner';
import { AppShell } from './layouts/app-shell';
import { PublicLayout } from './layouts/public-layout';
import { RootLayout } from './layouts/root-layout';
import { createLoaders } from './loaders';
import { AdminJobsRoute } from './routes/admin-jobs-route';
import { HomeRoute } from './routes/home-route';
import { LandingRoute } from './routes/landing-route';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';
import { NotificationsRoute } from './routes/notifications-route';
import { RegisterRoute } from './routes/register-route';
import { RouteError } from './routes/route-error';
import { SettingsRoute } from './routes/settings-route';

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
          ],
        },
        {
          element: <AppShell />,
          loader: loaders.protected,
          children: [
            { path: 'home', element: <HomeRoute /> },
            { path: 'notifications', loader: loaders.notifications, element: <NotificationsRoute /> },
            { path: 'settings', element: <SettingsRoute /> },
            { path: 'admin/jobs', loader: loaders.adminJobs, element: <AdminJobsRoute /> },
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
