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
    auth: 'signed-in',
    query: NotificationListQuerySchema,
    response: NotificationPageSchema,
    handle: ({ user, query }) => notifications.list(String(user.id), query),
  });

  routes.get('/unread-count', {
    auth: 'signed-in',
    response: UnreadCountSchema,
    handle: async ({ user }) => ({ unread: await notifications.unreadCount(String(user.id)) }),
  });

  routes.post('/read-all', {
    auth: 'signed-in',
    response: UnreadCountSchema,
    handle: async ({ user }) => ({ unread: await notifications.markAllRead(String(user.id)) }),
  });

  routes.post('/:id/read', {
    auth: 'signed-in',
    params: NotificationIdParamsSchema,
    response: UnreadCountSchema,
    handle: async ({ user, params }) => ({ unread: await notifications.markRead(String(user.id), params.id) }),
  });

  return router;
}
