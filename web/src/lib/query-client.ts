import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

/**
 * Creates the app's QueryClient. `onUnauthenticated` runs whenever a request answers 401,
 * so the app can drop the session it believed in and send the user to sign in.
 */
export function createQueryClient(options: { onUnauthenticated?: () => void } = {}): QueryClient {
  const handleError = (error: unknown): void => {
    if (isApiError(error) && error.status === 401) options.onUnauthenticated?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors will not fix themselves by asking again.
        retry: (failureCount, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
