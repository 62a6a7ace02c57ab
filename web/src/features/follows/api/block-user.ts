import type { BlockListItem, BlockResult, ProfileView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Blocks `handle` (ending follows both ways) or, with `block: false`, unblocks them. */
export async function blockUser({ handle, block }: { handle: string; block: boolean }): Promise<BlockResult> {
  const path = `/api/users/${encodeURIComponent(handle)}/block`;
  return block ? api.put<BlockResult>(path) : api.delete<BlockResult>(path);
}

/** Mutation blocking or unblocking; the profile, the blocked list and the feed are read again. */
export function useBlockUser(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (block: boolean) => blockUser({ handle, block }),
    onSuccess: (_, block) => {
      queryClient.setQueryData<ProfileView>(socialKeys.profile(handle), (profile) =>
        profile?.relationship
          ? {
              ...profile,
              relationship: {
                ...profile.relationship,
                blocking: block,
                following: block ? false : profile.relationship.following,
                requested: block ? false : profile.relationship.requested,
              },
            }
          : profile,
      );
      void queryClient.invalidateQueries({ queryKey: socialKeys.profile(handle) });
      void queryClient.invalidateQueries({ queryKey: socialKeys.blocks() });
      void queryClient.invalidateQueries({ queryKey: socialKeys.feed() });
    },
  });
}

/** Mutation unblocking whichever handle it is given, for the blocked list; drops them from the cached list. */
export function useUnblockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (handle: string) => blockUser({ handle, block: false }),
    onSuccess: (_, handle) => {
      queryClient.setQueryData<BlockListItem[]>(socialKeys.blocks(), (list) => list?.filter((item) => item.user.handle !== handle));
      void queryClient.invalidateQueries({ queryKey: socialKeys.profile(handle) });
    },
  });
}
