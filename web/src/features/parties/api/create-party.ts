import type { Party, PartyCreateInput } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** Opens a party on an album, now or scheduled. */
export async function createParty(input: Partial<PartyCreateInput> & { albumId: string }): Promise<Party> {
  return api.post<Party>('/api/parties', input);
}

export function useCreateParty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createParty,
    onSuccess: (party) => queryClient.setQueryData(partyKeys.party(party.id), party),
  });
}
