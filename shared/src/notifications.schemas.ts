import { z } from 'zod';
import { LIMITS } from './limits';

export const NotificationTypeSchema = z.enum([
  'welcome',
  'review_liked',
  'review_commented',
  'import_finished',
  'new_follower',
  'follow_request',
  'follow_accepted',
  'thread_reply',
  'report_resolved',
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
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(LIMITS.notificationsPage.max, `limit must be at most ${LIMITS.notificationsPage.max}`)
    .default(LIMITS.notificationsPage.default),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const UnreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

/** Path parameter for one notification; ids are positive integers as strings. */
export const NotificationIdParamsSchema = z.object({
  id: z.string().regex(/^[1-9][0-9]{0,17}$/, 'Notification id must be a positive integer'),
});
