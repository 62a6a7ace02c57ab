import { Router } from 'express';
import { NotificationIdParamsSchema, NotificationListQuerySchema, NotificationPageSchema, UnreadCountSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** The signed-in user's notifications: list, unread count, mark read. */
export function createNotificationsRouter(c: Container): Router {
  const router = Router();
  const { notifications } = c.services;
  const routes = createRoutes(router, c.services.routes);

  routes.get('/', {
    summary: "The viewer's notifications, latest change first; with `since`, all changed after that seq, oldest first.",
    auth: 'signed-in',
    query: NotificationListQuerySchema,
    response: NotificationPageSchema,
    handle: ({ user, query }) => notifications.list(String(user.id), query),
  });

  routes.get('/unread-count', {
    summary: "How many of the viewer's notifications are unread.",
    auth: 'signed-in',
    response: UnreadCountSchema,
    handle: async ({ user }) => ({ unread: await notifications.unreadCount(String(user.id)) }),
  });

  routes.post('/read-all', {
    summary: 'Mark every notification of the viewer read; answers the unread count.',
    auth: 'signed-in',
    response: UnreadCountSchema,
    handle: async ({ user }) => ({ unread: await notifications.markAllRead(String(user.id)) }),
  });

  routes.post('/:id/read', {
    summary: "Mark one notification read (a repeat is harmless, someone else's is 404); answers the unread count.",
    auth: 'signed-in',
    params: NotificationIdParamsSchema,
    response: UnreadCountSchema,
    handle: async ({ user, params }) => ({ unread: await notifications.markRead(String(user.id), params.id) }),
  });

  return router;
}
