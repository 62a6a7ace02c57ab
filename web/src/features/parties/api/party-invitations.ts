import type { PartyInviteInput, PartyInvitees } from '@muse/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { partyKeys } from './party-keys';

/** Who the host has invited (the host only). */
export async function getPartyInvitees(id: string): Promise<PartyInvitees> {
  return api.get<PartyInvitees>(`/api/parties/${encodeURIComponent(id)}/invitations`);
}

/** Invites more people; answers everyone invited so far. */
export async function inviteToParty(id: string, input: PartyInviteInput): Promise<PartyInvitees> {
  return api.post<PartyInvitees>(`/api/parties/${encodeURIComponent(id)}/invitations`, input);
}

/** Withdraws one person's invitation; answers everyone still invited. */
export async function withdrawPartyInvitation(id: string, userId: string): Promise<PartyInvitees> {
  return api.delete<PartyInvitees>(`/api/parties/${encodeURIComponent(id)}/invitations/${encodeURIComponent(userId)}`);
}

export function usePartyInvitees(id: string) {
  return useQuery({ queryKey: partyKeys.invitees(id), queryFn: () => getPartyInvitees(id) });
}

export function useInviteToParty(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PartyInviteInput) => inviteToParty(id, input),
    onSuccess: (invitees) => queryClient.setQueryData(partyKeys.invitees(id), invitees),
  });
}

export function useWithdrawPartyInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => withdrawPartyInvitation(id, userId),
    onSuccess: (invitees) => queryClient.setQueryData(partyKeys.invitees(id), invitees),
  });
}
