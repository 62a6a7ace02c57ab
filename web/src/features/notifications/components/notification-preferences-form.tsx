import type { NotificationType } from '@muse/shared';
import { Alert } from '../../../components/ui/alert';
import { useNotificationPreferences } from '../api/get-notification-preferences';
import { useUpdateNotificationPreferences } from '../api/update-notification-preferences';

/** What each notification type is, in the words of the settings page. */
export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, string> = {
  welcome: 'Welcome message',
  new_follower: 'Someone follows you',
  follow_request: 'Someone asks to follow you',
  follow_accepted: 'Someone approves your follow request',
  review_liked: 'Someone likes your review',
  review_commented: 'Someone comments on your review',
  thread_reply: 'A reply in a thread you commented on',
  import_finished: 'An import has finished',
  conversion_finished: 'A playlist conversion has finished or failed',
  report_resolved: 'A report you made was handled',
  suspension_lifted: 'Your account’s suspension is lifted',
  playlist_liked: 'Someone likes your playlist or list',
  playlist_cloned: 'Someone clones your playlist or list',
  playlist_invited: 'Someone invites you to collaborate on a playlist',
  playlist_shared: 'Someone shares a playlist with you',
  provider_reconnect: 'A connected music service needs reconnecting',
  new_recommendations: 'New recommendations are waiting for you',
  party_announced: 'Someone you follow plans a listening party',
  party_started: 'A listening party you may join has started',
};

/** One switch per notification type; each change is saved at once. */
export function NotificationPreferencesForm() {
  const preferences = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  if (preferences.isPending) return <p className="muted">Loading your notification settings…</p>;
  if (preferences.isError) return <Alert tone="error">Could not load notification settings. {preferences.error.message}</Alert>;
  return (
    <fieldset className="form switch-list">
      <legend className="sr-only">Notify me when</legend>
      {preferences.data.preferences.map((preference) => {
        const locked = preference.configurable === false;
        return (
          <label key={preference.type} className="check-field">
            <input
              type="checkbox"
              checked={preference.enabled}
              disabled={locked || update.isPending}
              onChange={(event) => update.mutate({ preferences: [{ type: preference.type, enabled: event.target.checked }] })}
            />
            <span>
              {NOTIFICATION_TYPE_LABELS[preference.type] ?? preference.type}
              {locked && <span className="field-hint">Always on</span>}
            </span>
          </label>
        );
      })}
      {update.isError && <Alert tone="error">Not saved: {update.error.message}</Alert>}
    </fieldset>
  );
}
