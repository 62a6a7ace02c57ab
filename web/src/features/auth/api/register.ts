import { SessionResponseSchema, type RegisterInput, type SessionResponse } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { applySession } from './session';

/** Creates an account; the server signs the new user in. */
export async function register(input: RegisterInput): Promise<SessionResponse> {
  return SessionResponseSchema.parse(await api.post('/api/auth/register', input));
}

/** Mutation that registers and adopts the new session. */
export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (session) => applySession(queryClient, session),
  });
}
