import type { PartyMessages } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** The latest chat messages, oldest first (without people blocked either way). */
export async function getPartyMessages(id: string): Promise<PartyMessages> {
  return api.get<PartyMessages>(`/api/parties/${encodeURIComponent(id)}/messages`);
}

export function getPartyMessagesQueryOptions(id: string) {
  return queryOptions({ queryKey: partyKeys.messages(id), queryFn: () => getPartyMessages(id) });
}

export function usePartyMessages(id: string, enabled: boolean) {
  return useQuery({ ...getPartyMessagesQueryOptions(id), enabled });
}
