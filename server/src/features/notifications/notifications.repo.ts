import type { Knex } from 'knex';
import type { NotificationType } from '@muse/shared';

export interface NotificationRow {
  id: string;
  user_id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

export interface NewNotification {
  userId: string;
  type: NotificationType;
  title: string;
  body: string;
  link?: string | null;
  data?: Record<string, unknown>;
  /** Makes creation idempotent per user: a second insert with the same key is a no-op. */
  dedupeKey?: string;
}

const COLUMNS = ['id', 'user_id', 'type', 'title', 'body', 'link', 'read_at', 'created_at'];

/** The notifications table. */
export class NotificationsRepo {
  constructor(private readonly knex: Knex) {}

  /** Inserts a notification; returns null when the dedupe key was already used. */
  async insert(n: NewNotification): Promise<NotificationRow | null> {
    const rows = await this.knex.raw<{ rows: NotificationRow[] }>(
      `INSERT INTO notifications (user_id, type, title, body, link, data, dedupe_key)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING ${COLUMNS.join(', ')}`,
      [n.userId, n.type, n.title, n.body, n.link ?? null, JSON.stringify(n.data ?? {}), n.dedupeKey ?? null],
    );
    return rows.rows[0] ?? null;
  }

  async findForUser(userId: string, id: string): Promise<NotificationRow | null> {
    const rows: NotificationRow[] = await this.knex('notifications').select(COLUMNS).where({ user_id: userId, id }).limit(1);
    return rows[0] ?? null;
  }

  /** Newest first; `beforeId` continues a page. */
  async listForUser(userId: string, limit: number, beforeId?: string): Promise<NotificationRow[]> {
    const q = this.knex('notifications').select(COLUMNS).where({ user_id: userId }).orderBy('id', 'desc').limit(limit);
    if (beforeId) q.where('id', '<', beforeId);
    return (await q) as NotificationRow[];
  }

  async countUnread(userId: string): Promise<number> {
    const row = await this.knex('notifications').where({ user_id: userId }).whereNull('read_at').count<{ count: string }[]>({ count: '*' }).first();
    return Number(row?.count ?? 0);
  }

  /** Marks one of the user's notifications read; false when it is not theirs or absent. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const found = await this.knex('notifications').where({ user_id: userId, id }).update({ read_at: this.knex.raw('COALESCE(read_at, now())') });
    return found > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    return this.knex('notifications').where({ user_id: userId }).whereNull('read_at').update({ read_at: this.knex.fn.now() });
  }
}
