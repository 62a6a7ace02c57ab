import type { DeleteAccountInput } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { clearSession } from './session';

/** Permanently deletes the signed-in account after checking its password. */
export async function deleteAccount(input: DeleteAccountInput): Promise<void> {
  await api.delete<void>('/api/me', input);
}

/** Mutation that deletes the account and forgets the ended session. */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => clearSession(queryClient, 'account_deleted'),
  });
}
