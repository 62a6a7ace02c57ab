import type { MuteView } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Everything the signed-in user has muted in their feed. */
export async function getMutes(): Promise<MuteView[]> {
  const answer = await api.get<MuteView[] | { items: MuteView[] }>('/api/me/mutes');
  return Array.isArray(answer) ? answer : answer.items;
}

/** Query options for the mute list. */
export function getMutesQueryOptions() {
  return queryOptions({ queryKey: socialKeys.mutes(), queryFn: getMutes });
}

/** The mute list of the feed-filter settings. */
export function useMutes() {
  return useQuery(getMutesQueryOptions());
}
