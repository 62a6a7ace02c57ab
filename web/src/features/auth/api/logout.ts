import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client';
import { clearSession } from './session';

/** Ends the current session on the server. */
export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout');
  } catch (error) {
    // An already-expired session is as good as a logged-out one.
    if (!(isApiError(error) && error.status === 401)) throw error;
  }
}

/** Mutation that logs out and forgets the session's cached data. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => clearSession(queryClient, 'logged_out'),
  });
}
