import type { Notification } from '@muse/shared';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../../components/ui/avatar';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';

interface NotificationItemProps {
  notification: Notification;
  onMarkRead: (id: string) => void;
  marking: boolean;
  /** Called when the user follows the notification's link (e.g. to close a dropdown). */
  onNavigate?: () => void;
}

/** One notification: title, body, age, an unread marker and a "Mark as read" action. */
export function NotificationItem({ notification, onMarkRead, marking, onNavigate }: NotificationItemProps) {
  const unread = notification.readAt === null;
  const internalLink = notification.link?.startsWith('/') ? notification.link : null;
  const itemRef = useRef<HTMLLIElement>(null);
  const markedFromHere = useRef(false);

  // The "Mark as read" button disappears once read; keep keyboard focus on this item instead of losing it.
  useEffect(() => {
    if (!unread && markedFromHere.current) {
      markedFromHere.current = false;
      itemRef.current?.focus();
    }
  }, [unread]);

  const actors = notification.actors ?? [];

  return (
    <li ref={itemRef} tabIndex={-1} className={`notification${unread ? ' notification-unread' : ''}${actors.length > 0 ? ' notification-with-actors' : ''}`}>
      <span className="notification-dot" aria-hidden="true" />
      {actors.length > 0 && (
        <span className="notification-actors" aria-hidden="true">
          {actors.slice(0, 3).map((actor) => (
            <Avatar key={actor.id} displayName={actor.displayName} handle={actor.handle} size={28} decorative />
          ))}
        </span>
      )}
      <div className="notification-body">
        <p className="notification-title">
          {internalLink ? (
            <Link to={internalLink} onClick={onNavigate}>
              {notification.title}
            </Link>
          ) : (
            notification.title
          )}
          {unread && <span className="sr-only"> (unread)</span>}
        </p>
        <p className="notification-text">{notification.body}</p>
        <time
          className="notification-time"
          dateTime={notification.updatedAt ?? notification.createdAt}
          title={formatDateTime(notification.updatedAt ?? notification.createdAt)}
        >
          {formatRelativeTime(notification.updatedAt ?? notification.createdAt)}
        </time>
      </div>
      {unread && (
        <button
          type="button"
          className="btn btn-ghost btn-sm notification-action"
          onClick={() => {
            markedFromHere.current = true;
            onMarkRead(notification.id);
          }}
          disabled={marking}
          aria-label={`Mark as read: ${notification.title}`}
        >
          Mark as read
        </button>
      )}
    </li>
  );
}
