import type { ProfileView } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Someone's My Muse page as the viewer may see it (only name and avatar when private and not followed). */
export async function getProfile(handle: string): Promise<ProfileView> {
  return api.get<ProfileView>(`/api/users/${encodeURIComponent(handle)}`);
}

/** Query options for a profile, shared by the route loader and the page. */
export function getProfileQueryOptions(handle: string) {
  return queryOptions({ queryKey: socialKeys.profile(handle), queryFn: () => getProfile(handle) });
}

/** A profile page's data. */
export function useProfile(handle: string) {
  return useQuery(getProfileQueryOptions(handle));
}
