import type { ProviderName, SessionResponse, SpotifyPending, SpotifySignupInput } from '@muse/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { loadSchemas } from '../../../lib/shared-schemas';
import { musicServiceKeys } from '../../../lib/music-services';

/** Query keys of the connections feature. */
export const connectionKeys = {
  all: ['connections'] as const,
  list: () => musicServiceKeys.connections,
  spotifyPending: () => [...connectionKeys.all, 'spotify-pending'] as const,
};

/** Where the browser goes to sign in with Spotify, or to connect it while signed in (a full-page navigation, not a fetch). */
export const SPOTIFY_START_PATH = '/api/auth/spotify';
/** Where a signed-in browser goes to connect Spotify from settings. */
export const SPOTIFY_CONNECT_PATH = '/api/connections/spotify/start';
/** Where the browser goes to connect Apple Music. */
export const APPLE_START_PATH = '/api/connections/apple/start';

export { getConnections, getConnectionsQueryOptions, useConnections } from '../../../lib/music-services';

/** Disconnects a service: the server forgets its tokens. */
export function useDisconnect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (provider: ProviderName) => api.delete<void>(`/api/connections/${provider}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: connectionKeys.list() }),
  });
}

/** The Spotify identity waiting for a handle (404-like 400 when none is pending). */
export function useSpotifyPending() {
  return useQuery({
    queryKey: connectionKeys.spotifyPending(),
    queryFn: async (): Promise<SpotifyPending> => {
      const answer = await api.get('/api/auth/spotify/pending');
      return (await loadSchemas()).SpotifyPendingSchema.parse(answer);
    },
    retry: false,
  });
}

/** Creates the account for the pending Spotify identity; the caller adopts the returned session. */
export async function completeSpotifySignup(input: SpotifySignupInput): Promise<SessionResponse> {
  const answer = await api.post('/api/auth/spotify/complete', input);
  return (await loadSchemas()).SessionResponseSchema.parse(answer);
}
