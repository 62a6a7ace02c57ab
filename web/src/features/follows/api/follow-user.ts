import type { FollowResult, ProfileView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

const followPath = (handle: string) => `/api/users/${encodeURIComponent(handle)}/follow`;

/** Follows `handle` (or asks to, for a private profile); `follow: false` unfollows or withdraws the request. */
export async function followUser({ handle, follow }: { handle: string; follow: boolean }): Promise<FollowResult> {
  return follow ? api.put<FollowResult>(followPath(handle)) : api.delete<FollowResult>(followPath(handle));
}

/** The cached profile with the follow answer applied, so the button and counts change at once. */
export function profileAfterFollow(profile: ProfileView | undefined, result: FollowResult): ProfileView | undefined {
  if (!profile?.relationship) return profile;
  return {
    ...profile,
    user: { ...profile.user, followerCount: result.followerCount },
    relationship: { ...profile.relationship, following: result.status === 'following', requested: result.status === 'requested' },
  };
}

/** Mutation following or unfollowing one user; patches their profile and refreshes lists and the feed. */
export function useFollowUser(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => followUser({ handle, follow }),
    onSuccess: (result) => {
      queryClient.setQueryData<ProfileView>(socialKeys.profile(handle), (profile) => profileAfterFollow(profile, result));
      void queryClient.invalidateQueries({ queryKey: socialKeys.followers(handle) });
      void queryClient.invalidateQueries({ queryKey: socialKeys.feed() });
    },
  });
}
