import type { PlaylistView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { playlistKeys } from './playlist-keys';

/** Invites someone the owner follows to add, remove, move and annotate entries. */
export async function inviteCollaborator({ id, userId }: { id: string; userId: string }): Promise<PlaylistView> {
  return api.post<PlaylistView>(`/api/playlists/${encodeURIComponent(id)}/collaborators`, { userId });
}

/** Mutation that invites a collaborator and shows the invitation at once. */
export function useInviteCollaborator(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: playlistKeys.writeScope(id) },
    mutationFn: (userId: string) => inviteCollaborator({ id, userId }),
    onSuccess: (view) => queryClient.setQueryData(playlistKeys.detail(id), view),
  });
}
