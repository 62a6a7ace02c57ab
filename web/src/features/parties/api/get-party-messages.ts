import type { PartyMessages } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** The latest chat messages, oldest first (without people blocked either way). */
export async function getPartyMessages(id: string): Promise<PartyMessages> {
  return api.get<PartyMessages>(`/api/parties/${encodeURIComponent(id)}/messages`);
}

/**
 * A refetch keeps the live messages newer than its own latest (they arrived while it was on its
 * way); ids grow with time. Applied in the query function, never to the cache's own patches: a
 * removal patch drops the latest message, which this would otherwise put back.
 */
export function keepNewerMessages(cached: unknown, fetched: unknown): unknown {
  const before = (cached as PartyMessages | undefined)?.items ?? [];
  const after = fetched as PartyMessages;
  const last = after.items.at(-1);
  const newer = before.filter((m) => !last || BigInt(m.id) > BigInt(last.id));
  return newer.length ? { items: [...after.items, ...newer] } : after;
}

export function getPartyMessagesQueryOptions(id: string) {
  return queryOptions({
    queryKey: partyKeys.messages(id),
    queryFn: async ({ client }) => keepNewerMessages(client.getQueryData(partyKeys.messages(id)), await getPartyMessages(id)) as PartyMessages,
  });
}

export function usePartyMessages(id: string, enabled: boolean) {
  return useQuery({ ...getPartyMessagesQueryOptions(id), enabled });
}
