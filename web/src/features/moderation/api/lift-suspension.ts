import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { suspendedAccountsQueryKey } from './get-suspended-accounts';

/** Lifts an account's suspension so that it can sign in again. */
export async function liftSuspension(userId: string): Promise<void> {
  await api.post<void>(`/api/admin/users/${encodeURIComponent(userId)}/unsuspend`);
}

/**
 * Mutation lifting a suspension. The list is read again whether it worked or not: a 409 means
 * someone else lifted it already, and the fresh list shows that.
 */
export function useLiftSuspension() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: liftSuspension,
    onSettled: () => queryClient.invalidateQueries({ queryKey: suspendedAccountsQueryKey }),
  });
}
