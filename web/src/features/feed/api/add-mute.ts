import type { MuteCreateInput, MuteView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';
import { applyMute } from './feed-cache';

/** Mutes a user, an artist or an activity type in the feed; answers the mute with its label. */
export async function addMute(input: MuteCreateInput): Promise<MuteView> {
  return api.post<MuteView>('/api/me/mutes', input);
}

const sameMute = (a: Pick<MuteView, 'kind' | 'target'>, b: Pick<MuteView, 'kind' | 'target'>) => a.kind === b.kind && a.target === b.target;

/**
 * Mutation adding a mute. What it hides leaves the cached feed at once and the mute joins the
 * cached list (the settings page shows it without waiting); both are read again afterwards.
 */
export function useAddMute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addMute,
    onSuccess: (mute, input) => {
      applyMute(queryClient, input);
      queryClient.setQueryData<MuteView[]>(socialKeys.mutes(), (list) => (list && !list.some((m) => sameMute(m, mute)) ? [...list, mute] : list));
      void queryClient.invalidateQueries({ queryKey: socialKeys.mutes() });
      void queryClient.invalidateQueries({ queryKey: socialKeys.feed() });
    },
  });
}
