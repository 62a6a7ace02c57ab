import type { PartySummary } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** The host ends the party; the answer is its summary. */
export async function endParty(id: string): Promise<PartySummary> {
  return api.post<PartySummary>(`/api/parties/${encodeURIComponent(id)}/end`, {});
}

export function useEndParty(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => endParty(id),
    onSuccess: (summary) => {
      queryClient.setQueryData(partyKeys.summary(id), summary);
      void queryClient.invalidateQueries({ queryKey: partyKeys.party(id), exact: true });
    },
  });
}
