import { z } from 'zod';
import { LIMITS } from './limits';
import { pageQuery } from './pagination.schemas';
import { UserSummarySchema } from './catalog.schemas';

export const NotificationTypeSchema = z.enum([
  'welcome',
  'review_liked',
  'review_commented',
  'import_finished',
  'conversion_finished',
  'new_follower',
  'follow_request',
  'follow_accepted',
  'thread_reply',
  'report_resolved',
  'suspension_lifted',
  'playlist_liked',
  'playlist_cloned',
  'playlist_invited',
  'playlist_shared',
  'provider_reconnect',
  'new_recommendations',
  'party_announced',
  'party_started',
]);
export type NotificationType = z.infer<typeof NotificationTypeSchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  type: NotificationTypeSchema,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
  /**
   * Batching: several events of one kind about one subject share one notification, which the
   * server updates in place (same id) while it is unread. `actors` are the latest people (up to
   * 3, newest first), `count` the number of events merged, `updatedAt` the latest event.
   * A client must upsert notifications by id: a `notification:new` with a known id replaces it.
   */
  actors: z.array(UserSummarySchema).optional(),
  count: z.number().int().optional(),
  updatedAt: z.string().optional(),
  /**
   * Position in the user's stream of changes: grows whenever the notification is created or
   * updated by batching. Lists are ordered by it; pass the largest seen as `since` to catch up.
   */
  seq: z.string().optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = pageQuery({ default: LIMITS.notificationsPage.default, max: LIMITS.notificationsPage.max }).extend({
  /**
   * Catch-up after a reconnect that Socket.IO could not recover: the largest `seq` the client
   * has seen. The answer holds every notification created or updated after it, oldest change
   * first; `nextCursor` continues the catch-up. Not combined with `cursor`.
   */
  since: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,17})$/, 'since must be a notification seq')
    .optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

/** How many notifications are unread: the unread count's answer, and what marking read answers. */
export const UnreadCountSchema = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

/** Path parameter for one notification; ids are positive integers as strings. */
export const NotificationIdParamsSchema = z.object({
  id: z.string().regex(/^[1-9][0-9]{0,17}$/, 'Notification id must be a positive integer'),
});

/**
 * Notices about the user's own account (the welcome, a lifted suspension, a music service that needs reconnecting): they always arrive
 * and cannot be switched off.
 */
export const ACCOUNT_NOTIFICATION_TYPES: readonly NotificationType[] = ['welcome', 'suspension_lifted', 'provider_reconnect'];

/** Types a user may switch off: all but the account notices. */
export const CONFIGURABLE_NOTIFICATION_TYPES = NotificationTypeSchema.options.filter((t) => !ACCOUNT_NOTIFICATION_TYPES.includes(t));

export const NotificationPreferenceSchema = z.object({ type: NotificationTypeSchema, enabled: z.boolean() });

/** One type's setting as the preferences answer shows it. */
export const NotificationPreferenceViewSchema = NotificationPreferenceSchema.extend({
  /** False for types that cannot be switched off (the account notices). */
  configurable: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreferenceViewSchema>;

/** PUT /api/me/notification-preferences: the types listed change, the others keep their setting. */
export const NotificationPreferencesUpdateSchema = z.object({
  preferences: z
    .array(NotificationPreferenceSchema)
    .min(1, 'Nothing to change')
    .max(NotificationTypeSchema.options.length)
    .refine((list) => new Set(list.map((p) => p.type)).size === list.length, 'Each type only once'),
});
export type NotificationPreferencesUpdateInput = z.infer<typeof NotificationPreferencesUpdateSchema>;

/** GET (and PUT) /api/me/notification-preferences: every type, enabled unless switched off. */
export const NotificationPreferencesSchema = z.object({ preferences: z.array(NotificationPreferenceViewSchema) });
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;
