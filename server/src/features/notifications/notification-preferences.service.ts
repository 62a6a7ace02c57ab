import { CONFIGURABLE_NOTIFICATION_TYPES, NotificationTypeSchema, type NotificationPreferences, type NotificationPreferencesUpdateInput } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { NotificationPreferencesRepo } from './notification-preferences.repo';

const CONFIGURABLE = new Set<string>(CONFIGURABLE_NOTIFICATION_TYPES);

/** Which notification types a user receives: every type, on unless switched off; account notices always on. */
export class NotificationPreferencesService {
  constructor(private readonly repo: NotificationPreferencesRepo) {}

  /** Every type in the contract's order with its current setting. */
  async get(userId: string): Promise<NotificationPreferences> {
    const stored = await this.repo.forUser(userId);
    return {
      preferences: NotificationTypeSchema.options.map((type) => {
        const configurable = CONFIGURABLE.has(type);
        return { type, enabled: configurable ? (stored.get(type) ?? true) : true, configurable };
      }),
    };
  }

  /** Changes the listed types (400 for one that cannot be switched off) and answers the full set. */
  async update(userId: string, input: NotificationPreferencesUpdateInput): Promise<NotificationPreferences> {
    const locked = input.preferences.findIndex((p) => !CONFIGURABLE.has(p.type) && !p.enabled);
    if (locked >= 0) {
      throw AppError.badRequest('not_configurable', 'This kind of notification cannot be switched off.', [
        { path: `preferences.${locked}.type`, message: 'This kind of notification cannot be switched off' },
      ]);
    }
    const changes = input.preferences.filter((p) => CONFIGURABLE.has(p.type));
    if (changes.length) await this.repo.save(userId, changes);
    return this.get(userId);
  }
}
