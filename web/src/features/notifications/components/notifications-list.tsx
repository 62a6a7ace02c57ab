import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { useNotifications } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { NotificationItem } from './notification-item';

/** Every notification, newest first, with cursor paging and read controls. */
export function NotificationsList() {
  const notifications = useNotifications();
  const unread = useUnreadCount();
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();

  if (notifications.isPending) return <PageSpinner label="Loading notifications" />;
  if (notifications.isError) return <Alert tone="error">Could not load notifications. {notifications.error.message}</Alert>;

  const items = notifications.data.pages.flatMap((page) => page.items);

  return (
    <section className="card" aria-labelledby="notifications-title">
      <div className="card-header">
        <h2 id="notifications-title" className="card-title">
          {unread > 0 ? `${unread} unread` : 'All caught up'}
        </h2>
        <Button variant="secondary" size="sm" onClick={() => markAllRead.mutate()} disabled={unread === 0} pending={markAllRead.isPending}>
          Mark all as read
        </Button>
      </div>
      {items.length === 0 ? (
        <p className="empty-state">No notifications yet. When friends follow you or reply to your reviews, you will hear about it here.</p>
      ) : (
        <ul className="notification-list">
          {items.map((notification) => (
            <NotificationItem
              key={notification.id}
              notification={notification}
              onMarkRead={(id) => markRead.mutate(id)}
              marking={markRead.isPending && markRead.variables === notification.id}
            />
          ))}
        </ul>
      )}
      {notifications.hasNextPage && (
        <div className="card-footer">
          <Button variant="secondary" onClick={() => void notifications.fetchNextPage()} pending={notifications.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </section>
  );
}
