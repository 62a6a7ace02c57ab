import type { HoldDecisionInput } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { aggregateHoldsQueryKey } from './get-aggregate-holds';
import { moderationLogQueryKey } from './get-moderation-log';

/** Releases a held album or confirms its brigade. */
export async function decideAggregateHold({ albumId, decision }: { albumId: string } & HoldDecisionInput): Promise<void> {
  await api.post<void>(`/api/admin/aggregate-holds/${encodeURIComponent(albumId)}/decision`, { decision });
}

/**
 * Mutation deciding a hold. The list and the log are read again whether it worked or not: a 409
 * means another moderator decided first, and the fresh list shows that.
 */
export function useDecideAggregateHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideAggregateHold,
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: aggregateHoldsQueryKey }), queryClient.invalidateQueries({ queryKey: moderationLogQueryKey })]),
  });
}
