import { Link } from 'react-router';
import { useDisclosure } from '../../../lib/use-disclosure';
import { useNotifications } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { NotificationItem } from './notification-item';
import { describeUnread, UnreadBadge } from './unread-badge';
import { LineIcon } from '../../../components/ui/line-icon';

const SHOWN_IN_DROPDOWN = 6;

function BellIcon() {
  return (
    <LineIcon size={22} strokeWidth={1.8}>
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </LineIcon>
  );
}

/** The nav bar's bell: a live unread badge and a dropdown of recent notifications. */
export function NotificationBell() {
  const unread = useUnreadCount();
  const { open, close, buttonProps, rootProps, panelProps } = useDisclosure();
  const notifications = useNotifications({ enabled: open });
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const items = notifications.data?.pages.flatMap((page) => page.items).slice(0, SHOWN_IN_DROPDOWN) ?? [];

  return (
    <div className="popover-root" {...rootProps}>
      <button type="button" className="icon-button bell-button" aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'} {...buttonProps}>
        <BellIcon />
        <UnreadBadge unread={unread} />
      </button>
      <span className="sr-only" aria-live="polite" aria-atomic="true">
        {describeUnread(unread)}
      </span>
      {open && (
        <div className="popover popover-notifications" role="region" aria-label="Recent notifications" {...panelProps}>
          <div className="popover-header">
            <h2 className="popover-title">Notifications</h2>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => markAllRead.mutate()} disabled={unread === 0 || markAllRead.isPending}>
              Mark all as read
            </button>
          </div>
          {notifications.isPending ? (
            <p className="popover-empty">Loading…</p>
          ) : notifications.isError ? (
            <p className="popover-empty" role="alert">
              Could not load notifications.
            </p>
          ) : items.length === 0 ? (
            <p className="popover-empty">You are all caught up.</p>
          ) : (
            <ul className="notification-list notification-list-compact">
              {items.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  onMarkRead={(id) => markRead.mutate(id)}
                  marking={markRead.isPending && markRead.variables === notification.id}
                  onNavigate={() => close()}
                />
              ))}
            </ul>
          )}
          <div className="popover-footer">
            <Link to="/notifications" onClick={() => close()}>
              See all notifications
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
