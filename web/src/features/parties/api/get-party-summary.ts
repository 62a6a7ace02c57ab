import type { PartySummary } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** Who came, each track's party rating and the album's party average (once the party ended). */
export async function getPartySummary(id: string): Promise<PartySummary> {
  return api.get<PartySummary>(`/api/parties/${encodeURIComponent(id)}/summary`);
}

export function getPartySummaryQueryOptions(id: string) {
  return queryOptions({ queryKey: partyKeys.summary(id), queryFn: () => getPartySummary(id) });
}

export function usePartySummary(id: string, enabled: boolean) {
  return useQuery({ ...getPartySummaryQueryOptions(id), enabled });
}
