import type { FollowRequestItem, Page } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Pending requests to follow the signed-in user's private profile (the first hundred, newest first). */
export async function getFollowRequests(): Promise<FollowRequestItem[]> {
  return (await api.get<Page<FollowRequestItem>>('/api/me/follow-requests?limit=100')).items;
}

/** Query options for pending follow requests. */
export function getFollowRequestsQueryOptions() {
  return queryOptions({ queryKey: socialKeys.followRequests(), queryFn: getFollowRequests });
}

/** Pending follow requests, for the settings page. */
export function useFollowRequests() {
  return useQuery(getFollowRequestsQueryOptions());
}
