import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { clearSession, meQueryKey } from '../features/auth/api/session';
import { createQueryClient } from '../lib/query-client';
import { createAppRouter } from './router';

function createApp() {
  const queryClient = createQueryClient({
    // A 401 while we believed we were signed in means the session expired or was revoked
    // elsewhere; the app shell then sends the user to sign in.
    onUnauthenticated: () => {
      if (queryClient.getQueryData(meQueryKey)) clearSession(queryClient, 'expired');
    },
  });
  return { queryClient, router: createAppRouter(queryClient) };
}

/** The whole SPA: data cache and router, created once. */
export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
