import { z } from 'zod';
import { CONFIGURABLE_NOTIFICATION_TYPES, type NotificationListQuery, type NotificationPage, type NotificationType } from '@muse/shared';
import type { Transactions, Tx } from '../../db/transaction';
import { decodeCursor, encodeCursor, rowsToRead, SeqKey, toPage } from '../../lib/pagination';
import { AppError } from '../../lib/app-error';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import { mergeBatch, startBatch, type NewNotification } from './notification-batching';
import type { NotificationPreferencesRepo } from './notification-preferences.repo';
import { presentNotification } from './notifications.presenter';
import type { NotificationRow, NotificationsRepo } from './notifications.repo';

export interface NotificationsServiceOptions {
  /** How long an unread batched notification keeps absorbing events after its latest one. */
  batchWindowMs: number;
}

const DEFAULTS: NotificationsServiceOptions = { batchWindowMs: 24 * 3600 * 1000 };

const CONFIGURABLE = new Set<NotificationType>(CONFIGURABLE_NOTIFICATION_TYPES);

/** Cursor kinds: the list pages towards older changes, the catch-up by `since` towards newer ones. */
const OLDER = 'notifications';
const NEWER = 'notifications-since';
const SEQ = z.tuple([SeqKey]);

/** Where a page starts: after `seq` in the catch-up's direction, or before it in the list's. */
interface Position {
  kind: typeof OLDER | typeof NEWER;
  seq: string;
}

/** A cursor of either kind; anything else is a 400 `invalid_cursor`. */
function decodePosition(cursor: string): Position {
  try {
    return { kind: NEWER, seq: decodeCursor(cursor, NEWER, SEQ)[0] };
  } catch {
    return { kind: OLDER, seq: decodeCursor(cursor, OLDER, SEQ)[0] };
  }
}

/**
 * Creating, listing and reading notifications; every change is announced as a domain event.
 * Creation honours the recipient's preferences, dedupe keys and batching.
 */
export class NotificationsService {
  private readonly options: NotificationsServiceOptions;

  constructor(
    private readonly repo: NotificationsRepo,
    private readonly transactions: Transactions,
    private readonly events: DomainEventPublisher,
    private readonly preferences: NotificationPreferencesRepo,
    options: Partial<NotificationsServiceOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Stores a notification and announces it for live delivery. Returns null (and announces
   * nothing) when the type is switched off or the dedupe key was used. A batched event updates
   * the group's unread notification instead (same id, next seq) and announces that one again.
   */
  async create(n: NewNotification): Promise<NotificationRow | null> {
    // Account notices cannot be switched off, so no stored choice may silence them.
    if (CONFIGURABLE.has(n.type) && !(await this.preferences.isEnabled(n.userId, n.type))) return null;
    const row = await this.transactions.run(async (trx) => {
      await this.repo.lockUser(trx, n.userId);
      if (n.dedupeKey && !(await this.repo.claimDedupeKey(trx, n.userId, n.dedupeKey))) return null;
      const stored = await this.store(trx, n);
      const actorId = n.batch?.actor.id ?? n.actorId;
      if (actorId) await this.repo.linkActor(trx, String(stored.id), actorId);
      return stored;
    });
    if (row) await this.events.publish({ type: 'notification.created', userId: String(row.user_id), notificationId: String(row.id) });
    return row;
  }

  /** Inserts the notification, or merges a batched event into its group's open one. */
  private async store(trx: Tx, n: NewNotification): Promise<NotificationRow> {
    if (!n.batch) {
      return this.repo.insert(trx, { userId: n.userId, type: n.type, title: n.title, body: n.body, link: n.link ?? null, data: n.data ?? {}, groupKey: null });
    }
    const batched = { ...n, batch: n.batch };
    const open = await this.repo.findOpenGroup(trx, n.userId, n.type, n.batch.subject, new Date(Date.now() - this.options.batchWindowMs));
    if (open) return this.repo.merge(trx, String(open.id), mergeBatch(open.data, batched));
    return this.repo.insert(trx, { userId: n.userId, type: n.type, groupKey: n.batch.subject, ...startBatch(batched) });
  }

  /**
   * A page of the user's notifications, latest change first; or, with `since`, everything
   * created or changed after that seq, oldest change first (the catch-up after a reconnect).
   */
  async list(userId: string, query: NotificationListQuery): Promise<NotificationPage> {
    if (query.since !== undefined && query.cursor !== undefined) {
      throw AppError.badRequest('validation_failed', 'Use either since or cursor.', [{ path: 'since', message: 'Use either since or cursor, not both' }]);
    }
    const position: Position | undefined =
      query.since !== undefined ? { kind: NEWER, seq: query.since } : query.cursor !== undefined ? decodePosition(query.cursor) : undefined;
    const rows =
      position?.kind === NEWER
        ? await this.repo.listChangedSince(userId, rowsToRead(query.limit), position.seq)
        : await this.repo.listForUser(userId, rowsToRead(query.limit), position?.seq);
    return toPage(rows, query.limit, presentNotification, (last) => encodeCursor(position?.kind ?? OLDER, [String(last.seq)]));
  }

  async get(userId: string, id: string): Promise<NotificationRow | null> {
    return this.repo.findForUser(userId, id);
  }

  /** Who holds a notification this actor is behind: their bells change when the actor's account goes. */
  recipientsOfActor(actorId: string): Promise<string[]> {
    return this.repo.recipientsOfActor(actorId);
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
