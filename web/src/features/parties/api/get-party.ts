import type { Party } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** A party as the signed-in viewer sees it (404 when it is private and they are not invited). */
export async function getParty(id: string): Promise<Party> {
  return api.get<Party>(`/api/parties/${encodeURIComponent(id)}`);
}

/**
 * A refetch answered with an older player state than a live event already brought (the read
 * started before the change) keeps the newer state, so the player never steps back. Applied in
 * the query function, so the live patches (see party-cache) are taken as they are.
 */
export function keepNewerPlayback(cached: unknown, fetched: unknown): unknown {
  const before = cached as Party | undefined;
  const after = fetched as Party;
  return before && after.playback.version < before.playback.version ? { ...after, playback: before.playback, serverTime: before.serverTime } : after;
}

export function getPartyQueryOptions(id: string) {
  return queryOptions({
    queryKey: partyKeys.party(id),
    queryFn: async ({ client }) => keepNewerPlayback(client.getQueryData(partyKeys.party(id)), await getParty(id)) as Party,
  });
}

/** The party; its live events patch this query (see use-party-socket). */
export function useParty(id: string) {
  return useQuery(getPartyQueryOptions(id));
}
