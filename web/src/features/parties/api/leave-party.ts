import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** Leaves the party's room; control held goes back to the host. */
export async function leaveParty(id: string): Promise<void> {
  await api.delete<undefined>(`/api/parties/${encodeURIComponent(id)}/participation`);
}

export function useLeaveParty(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => leaveParty(id), onSettled: () => queryClient.invalidateQueries({ queryKey: partyKeys.party(id) }) });
}
