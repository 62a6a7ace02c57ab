import type { ChangePasswordInput, SessionResponse } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { loadSchemas } from '../../../lib/shared-schemas';
import { applySession } from './session';

/** Changes the password; the server rotates the session and answers with the new one. */
export async function changePassword(input: ChangePasswordInput): Promise<SessionResponse> {
  const answer = await api.post('/api/me/password', input);
  return (await loadSchemas()).SessionResponseSchema.parse(answer);
}

/** Mutation that changes the password and adopts the rotated session (new CSRF token). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (session) => applySession(queryClient, session),
  });
}
