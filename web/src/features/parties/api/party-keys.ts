/** Query keys of listening parties: the lists, one party, its chat, its summary, its invitees. */
export const partyKeys = {
  all: ['parties'] as const,
  lists: () => ['parties', 'lists'] as const,
  party: (id: string) => ['parties', id] as const,
  messages: (id: string) => ['parties', id, 'messages'] as const,
  summary: (id: string) => ['parties', id, 'summary'] as const,
  invitees: (id: string) => ['parties', id, 'invitees'] as const,
};
