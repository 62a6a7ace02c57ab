import { api } from '../../../lib/api-client';

/** Reports someone's chat message to the moderators' queue (409 `already_reported` the second time). */
export async function reportPartyMessage(id: string, messageId: string, reason: string): Promise<void> {
  await api.post<undefined>(`/api/parties/${encodeURIComponent(id)}/messages/${encodeURIComponent(messageId)}/reports`, { reason });
}
