import type { Notification } from '@muse/shared';
import { readBatchData } from './notification-batching';
import type { NotificationRow } from './notifications.repo';

/** A notification as its recipient sees it; batched ones carry their latest actors and event count. */
export function presentNotification(row: NotificationRow): Notification {
  const batch = readBatchData(row.data);
  return {
    id: String(row.id),
    type: row.type,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    actors: batch ? batch.actors.map((a) => ({ id: String(a.id), handle: a.handle, displayName: a.displayName })) : [],
    count: batch?.count ?? 1,
    updatedAt: new Date(row.updated_at).toISOString(),
    seq: String(row.seq),
  };
}
