import type { Party } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** Enters the party's room (joining again changes nothing). */
export async function joinParty(id: string): Promise<Party> {
  return api.put<Party>(`/api/parties/${encodeURIComponent(id)}/participation`, {});
}

export function useJoinParty(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => joinParty(id),
    onSuccess: (party) => {
      queryClient.setQueryData(partyKeys.party(id), party);
      void queryClient.invalidateQueries({ queryKey: partyKeys.messages(id) });
    },
  });
}
