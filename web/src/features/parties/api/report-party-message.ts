import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Reports someone's chat message to the moderators. */
export async function reportPartyMessage(id: string, messageId: string, reason: string): Promise<void> {
  await api.post<undefined>(`/api/parties/${encodeURIComponent(id)}/messages/${encodeURIComponent(messageId)}/reports`, { reason });
}

export function useReportPartyMessage(id: string) {
  return useMutation({ mutationFn: ({ messageId, reason }: { messageId: string; reason: string }) => reportPartyMessage(id, messageId, reason) });
}
