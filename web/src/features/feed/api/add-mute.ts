import type { MuteCreateInput, MuteView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Mutes a user, an artist or an activity type in the feed; answers the mute with its label. */
export async function addMute(input: MuteCreateInput): Promise<MuteView> {
  return api.post<MuteView>('/api/me/mutes', input);
}

/** Mutation adding a mute; the mute list and the feed are read again afterwards. */
export function useAddMute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addMute,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: socialKeys.mutes() });
      void queryClient.invalidateQueries({ queryKey: socialKeys.feed() });
    },
  });
}
