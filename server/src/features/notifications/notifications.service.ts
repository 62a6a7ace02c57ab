import type { NotificationListQuery, NotificationPage } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import { decodeCursor, encodeCursor } from './notification-cursor';
import { presentNotification } from './notifications.presenter';
import type { NewNotification, NotificationRow, NotificationsRepo } from './notifications.repo';

/** Creating, listing and reading notifications; every change is announced as a domain event. */
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepo,
    private readonly events: DomainEventPublisher,
  ) {}

  /** Stores a notification and announces it for live delivery; a deduplicated one is not announced. */
  async create(n: NewNotification): Promise<NotificationRow | null> {
    const row = await this.repo.insert(n);
    if (row) await this.events.publish({ type: 'notification.created', userId: String(row.user_id), notificationId: String(row.id) });
    return row;
  }

  async list(userId: string, query: NotificationListQuery): Promise<NotificationPage> {
    let beforeId: string | undefined;
    if (query.cursor !== undefined) {
      const decoded = decodeCursor(query.cursor);
      if (!decoded) throw AppError.badRequest('invalid_cursor', 'The page cursor is not valid.', [{ path: 'cursor', message: 'Invalid cursor' }]);
      beforeId = decoded;
    }
    // One extra row tells whether another page exists.
    const rows = await this.repo.listForUser(userId, query.limit + 1, beforeId);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(presentNotification),
      nextCursor: rows.length > query.limit && last ? encodeCursor(String(last.id)) : null,
    };
  }

  async get(userId: string, id: string): Promise<NotificationRow | null> {
    return this.repo.findForUser(userId, id);
  }

  unreadCount(userId: string): Promise<number> {
    return this.repo.countUnread(userId);
  }

  /** Marks one read; another user's notification answers 404 exactly like a missing one. */
  async markRead(userId: string, id: string): Promise<number> {
    if (!(await this.repo.markRead(userId, id))) throw AppError.notFound('Notification');
    await this.events.publish({ type: 'notifications.read', userId });
    return this.repo.countUnread(userId);
  }

  async markAllRead(userId: string): Promise<number> {
    await this.repo.markAllRead(userId);
    await this.events.publish({ type: 'notifications.read', userId });
    return this.repo.countUnread(userId);
  }
}
