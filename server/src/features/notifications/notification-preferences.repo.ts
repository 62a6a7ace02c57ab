import type { Knex } from 'knex';
import type { NotificationType } from '@muse/shared';

/** Per-type switches a user turned off or on; a type without a row is enabled. */
export class NotificationPreferencesRepo {
  constructor(private readonly knex: Knex) {}

  /** The user's stored choices by type. */
  async forUser(userId: string): Promise<Map<NotificationType, boolean>> {
    const rows: { type: NotificationType; enabled: boolean }[] = await this.knex('notification_preferences')
      .select('type', 'enabled')
      .where({ user_id: userId });
    return new Map(rows.map((r) => [r.type, r.enabled]));
  }

  async isEnabled(userId: string, type: NotificationType, trx: Knex = this.knex): Promise<boolean> {
    const row = await trx('notification_preferences').select('enabled').where({ user_id: userId, type }).first();
    return row ? Boolean(row.enabled) : true;
  }

  /** Stores the listed choices at once; the other types keep theirs. */
  async save(userId: string, choices: { type: NotificationType; enabled: boolean }[]): Promise<void> {
    await this.knex('notification_preferences')
      .insert(choices.map((c) => ({ user_id: userId, type: c.type, enabled: c.enabled })))
      .onConflict(['user_id', 'type'])
      .merge(['enabled']);
  }
}
