import type { ProfileUpdateInput, ProfileView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Changes the signed-in user's display name, bio or avatar; answers their profile as saved. */
export async function updateProfile(input: ProfileUpdateInput): Promise<ProfileView> {
  return api.patch<ProfileView>('/api/me/profile', input);
}

/** Mutation saving the profile; the cached profile becomes the answer and the header's name is read again. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (profile) => {
      queryClient.setQueryData(socialKeys.profile(profile.user.handle), profile);
      void queryClient.invalidateQueries({ queryKey: socialKeys.me, exact: true });
    },
  });
}
