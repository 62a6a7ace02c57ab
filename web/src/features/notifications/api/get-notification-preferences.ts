import type { NotificationPreferences } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { notificationKeys } from './query-keys';

/** Every notification type with whether the signed-in user wants it. */
export async function getNotificationPreferences(): Promise<NotificationPreferences> {
  return api.get<NotificationPreferences>('/api/me/notification-preferences');
}

/** Query options for the notification switches. */
export function getNotificationPreferencesQueryOptions() {
  return queryOptions({ queryKey: notificationKeys.preferences(), queryFn: getNotificationPreferences });
}

/** The notification switches of the settings page. */
export function useNotificationPreferences() {
  return useQuery(getNotificationPreferencesQueryOptions());
}
