import type { Knex } from 'knex';
import type { NotificationType } from '@muse/shared';
import type { Tx } from '../../db/transaction';

export interface NotificationRow {
  id: string;
  user_id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  group_key: string | null;
  seq: string;
  read_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** What a new notification row holds once batching has decided its content. */
export interface NotificationInsert {
  userId: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  groupKey: string | null;
}

/** A batched notification's new content; the row also moves to the top of the user's list. */
export interface NotificationMerge {
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
}

const COLUMNS = ['id', 'user_id', 'type', 'title', 'body', 'link', 'data', 'group_key', 'seq', 'read_at', 'created_at', 'updated_at'];

/** The notifications table and its dedupe keys. */
export class NotificationsRepo {
  constructor(private readonly knex: Knex) {}

  /**
   * Takes the user's notification lock for the rest of the transaction, so that one user's
   * notifications are written one at a time: batching never splits a group in two, and `seq`
   * values become visible in the order they were drawn (catch-up by `since` misses nothing).
   */
  async lockUser(tx: Tx, userId: string): Promise<void> {
    await tx.raw('SELECT pg_advisory_xact_lock(?::int, hashtext(?))', [4_043_000, `notifications:${userId}`]);
  }

  /** Records a dedupe key; false when the user was already notified under it. */
  async claimDedupeKey(trx: Knex, userId: string, key: string): Promise<boolean> {
    const rows = await trx('notification_dedupe_keys').insert({ user_id: userId, key }).onConflict(['user_id', 'key']).ignore().returning('key');
    return rows.length > 0;
  }

  /** The newest unread notification of a group changed since `since`, or null. */
  async findOpenGroup(trx: Knex, userId: string, type: NotificationType, groupKey: string, since: Date): Promise<NotificationRow | null> {
    const row = await trx('notifications')
      .select(COLUMNS)
      .where({ user_id: userId, type, group_key: groupKey })
      .whereNull('read_at')
      .where('updated_at', '>=', since)
      .orderBy('seq', 'desc')
      // Locked so a deleted actor's removal (a trigger) and a merge cannot overwrite each other.
      .forUpdate()
      .first();
    return (row as NotificationRow | undefined) ?? null;
  }

  async insert(trx: Knex, n: NotificationInsert): Promise<NotificationRow> {
    const [row] = await trx('notifications')
      .insert({ user_id: n.userId, type: n.type, title: n.title, body: n.body, link: n.link, data: JSON.stringify(n.data), group_key: n.groupKey })
      .returning(COLUMNS);
    return row as NotificationRow;
  }

  /** Records one more event by `actorId` behind the notification; deleting their account removes it (see the migration). */
  async linkActor(trx: Knex, notificationId: string, actorId: string): Promise<void> {
    // An actor that is not (or no longer) a user links nothing, rather than failing the notification.
    if (!/^\d+$/.test(actorId)) return;
    await trx.raw(
      `INSERT INTO notification_actors (notification_id, actor_id) SELECT ?, id FROM users WHERE id = ?
       ON CONFLICT (notification_id, actor_id) DO UPDATE SET events = notification_actors.events + 1`,
      [notificationId, actorId],
    );
  }

  /** Rewrites a batched notification and gives it the next `seq`, keeping its id. */
  async merge(trx: Knex, id: string, m: NotificationMerge): Promise<NotificationRow> {
    const [row] = await trx('notifications')
      .where({ id })
      .update({
        title: m.title,
        body: m.body,
        link: m.link,
        data: JSON.stringify(m.data),
        seq: trx.raw(`nextval('notifications_seq')`),
        updated_at: trx.fn.now(),
      })
      .returning(COLUMNS);
    return row as NotificationRow;
  }

  async findForUser(userId: string, id: string): Promise<NotificationRow | null> {
    const rows: NotificationRow[] = await this.knex('notifications').select(COLUMNS).where({ user_id: userId, id }).limit(1);
    return rows[0] ?? null;
  }

  /** Latest change first; `beforeSeq` continues a page. */
  async listForUser(userId: string, limit: number, beforeSeq?: string): Promise<NotificationRow[]> {
    const q = this.knex('notifications').select(COLUMNS).where({ user_id: userId }).orderBy('seq', 'desc').limit(limit);
    if (beforeSeq) q.where('seq', '<', beforeSeq);
    return (await q) as NotificationRow[];
  }

  /** Everything created or changed after `afterSeq`, oldest change first. */
  async listChangedSince(userId: string, limit: number, afterSeq: string): Promise<NotificationRow[]> {
    const q = this.knex('notifications').select(COLUMNS).where({ user_id: userId }).where('seq', '>', afterSeq).orderBy('seq', 'asc').limit(limit);
    return (await q) as NotificationRow[];
  }

  /** Everyone with a notification `actorId` is behind (besides themselves). */
  async recipientsOfActor(actorId: string): Promise<string[]> {
    const rows = await this.knex('notification_actors as a')
      .join('notifications as n', 'n.id', 'a.notification_id')
      .where('a.actor_id', actorId)
      .whereNot('n.user_id', actorId)
      .distinct('n.user_id');
    return rows.map((r: { user_id: string }) => String(r.user_id));
  }

  async countUnread(userId: string): Promise<number> {
    const row = await this.knex('notifications').where({ user_id: userId }).whereNull('read_at').count<{ count: string }[]>({ count: '*' }).first();
    return Number(row?.count ?? 0);
  }

  /** Marks one of the user's notifications read; false when it is not theirs or absent. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const found = await this.knex('notifications')
      .where({ user_id: userId, id })
      .update({ read_at: this.knex.raw('COALESCE(read_at, now())') });
    return found > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    return this.knex('notifications').where({ user_id: userId }).whereNull('read_at').update({ read_at: this.knex.fn.now() });
  }
}
