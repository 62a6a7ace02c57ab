import type { LoginInput, SessionResponse } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { loadSchemas } from '../../../lib/shared-schemas';
import { applySession } from './session';

/** Signs in with a handle or email and a password. */
export async function login(input: LoginInput): Promise<SessionResponse> {
  const answer = await api.post('/api/auth/login', input);
  return (await loadSchemas()).SessionResponseSchema.parse(answer);
}

/** Mutation that signs in and adopts the new session. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => applySession(queryClient, session),
  });
}
