import type { FollowRequestItem } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Approves or denies `handle`'s request to follow the signed-in user. */
export async function respondFollowRequest({ handle, approve }: { handle: string; approve: boolean }): Promise<void> {
  await api.post<unknown>(`/api/me/follow-requests/${encodeURIComponent(handle)}/${approve ? 'approve' : 'deny'}`);
}

/** Mutation answering a follow request; the request leaves the cached list at once. */
export function useRespondFollowRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: respondFollowRequest,
    onSuccess: (_, { handle }) => {
      queryClient.setQueryData<FollowRequestItem[]>(socialKeys.followRequests(), (list) => list?.filter((request) => request.user.handle !== handle));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
