import type { Party } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** A party as the signed-in viewer sees it (404 when it is private and they are not invited). */
export async function getParty(id: string): Promise<Party> {
  return api.get<Party>(`/api/parties/${encodeURIComponent(id)}`);
}

export function getPartyQueryOptions(id: string) {
  return queryOptions({ queryKey: partyKeys.party(id), queryFn: () => getParty(id) });
}

/** The party; its live events patch this query (see use-party-socket). */
export function useParty(id: string) {
  return useQuery(getPartyQueryOptions(id));
}
