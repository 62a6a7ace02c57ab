import type { PartyList } from '@muse/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** Live parties the viewer may see and the scheduled ones that concern them. */
export async function getParties(): Promise<PartyList> {
  return api.get<PartyList>('/api/parties');
}

/** What is on; read again every 30 s while the page is open, so a party going live shows up. */
export function useParties() {
  return useQuery({ queryKey: partyKeys.lists(), queryFn: getParties, refetchInterval: 30_000 });
}
