import type { NotificationPreferences, NotificationPreferencesUpdateInput } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { notificationKeys } from './query-keys';

/** Switches the listed notification types on or off; answers every type's setting. */
export async function updateNotificationPreferences(input: NotificationPreferencesUpdateInput): Promise<NotificationPreferences> {
  return api.put<NotificationPreferences>('/api/me/notification-preferences', input);
}

/** Mutation saving switches; the cache becomes the server's answer. */
export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    onSuccess: (preferences) => queryClient.setQueryData(notificationKeys.preferences(), preferences),
  });
}
