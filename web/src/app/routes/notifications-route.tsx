import { NotificationsList } from '../../features/notifications/components/notifications-list';

/** `/notifications`: the full, paged list. */
export function NotificationsRoute() {
  return (
    <div className="page">
      <title>Notifications · Muse</title>
      <header className="page-header">
        <h1>Notifications</h1>
        <p className="muted">Everything Muse has wanted to tell you, newest first.</p>
      </header>
      <NotificationsList />
    </div>
  );
}
