import type { OpinionChanges } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A user's growers and faders (albums whose rating rose or fell most across relistens). */
export async function getOpinionChanges(handle: string): Promise<OpinionChanges> {
  return api.get<OpinionChanges>(`/api/users/${encodeURIComponent(handle)}/opinion-changes`);
}

/** Query options under the user's key, so what refreshes their profile refreshes this too. */
export function getOpinionChangesQueryOptions(handle: string) {
  return queryOptions({ queryKey: ['users', handle.toLowerCase(), 'opinion-changes'] as const, queryFn: () => getOpinionChanges(handle) });
}

/** The user's growers and faders; idle while the profile is not visible to the viewer. */
export function useOpinionChanges(handle: string, enabled: boolean) {
  return useQuery({ ...getOpinionChangesQueryOptions(handle), enabled });
}
