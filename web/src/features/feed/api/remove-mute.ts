import type { MuteView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Removes one mute. */
export async function removeMute({ kind, target }: Pick<MuteView, 'kind' | 'target'>): Promise<void> {
  await api.delete<void>(`/api/me/mutes/${encodeURIComponent(kind)}/${encodeURIComponent(target)}`);
}

/** Mutation removing a mute; drops it from the cached list at once. */
export function useRemoveMute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMute,
    onSuccess: (_, removed) => {
      queryClient.setQueryData<MuteView[]>(socialKeys.mutes(), (list) =>
        list?.filter((mute) => !(mute.kind === removed.kind && mute.target === removed.target)),
      );
      void queryClient.invalidateQueries({ queryKey: socialKeys.feed() });
    },
  });
}
