import type { Notification } from '@muse/shared';
import type { NotificationRow } from './notifications.repo';

/** A notification as its recipient sees it. */
export function presentNotification(row: NotificationRow): Notification {
  return {
    id: String(row.id),
    type: row.type,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
