import type { RegisterInput, SessionResponse } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { loadSchemas } from '../../../lib/shared-schemas';
import { applySession } from './session';

/** Creates an account; the server signs the new user in. */
export async function register(input: RegisterInput): Promise<SessionResponse> {
  const answer = await api.post('/api/auth/register', input);
  return (await loadSchemas()).SessionResponseSchema.parse(answer);
}

/** Mutation that registers and adopts the new session. */
export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (session) => applySession(queryClient, session),
  });
}
