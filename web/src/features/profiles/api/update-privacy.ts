import type { PrivacySettingsInput, ProfileView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Changes private profile, default visibility or "hide unlogged takes"; answers the profile as saved. */
export async function updatePrivacy(input: PrivacySettingsInput): Promise<ProfileView> {
  return api.patch<ProfileView>('/api/me/privacy', input);
}

/** Mutation saving privacy settings; making a profile public approves pending requests, so those are read again. */
export function useUpdatePrivacy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePrivacy,
    onSuccess: (profile) => {
      queryClient.setQueryData(socialKeys.profile(profile.user.handle), profile);
      void queryClient.invalidateQueries({ queryKey: socialKeys.followRequests() });
      void queryClient.invalidateQueries({ queryKey: socialKeys.feed() });
    },
  });
}
