import { Router } from 'express';
import { NotificationIdParamsSchema, NotificationListQuerySchema, type NotificationListQuery } from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validParams, validQuery } from '../../http/validate';

/** The signed-in user's notifications: list, unread count, mark read. */
export function createNotificationsRouter(c: Container): Router {
  const router = Router();
  const { notifications, auth } = c.services;
  router.use(requireAuth((session) => auth.currentUser(session)));

  router.get('/', validate({ query: NotificationListQuerySchema }), async (req, res) => {
    res.json(await notifications.list(String(req.user!.id), validQuery<NotificationListQuery>(req)));
  });

  router.get('/unread-count', async (req, res) => {
    res.json({ unread: await notifications.unreadCount(String(req.user!.id)) });
  });

  router.post('/read-all', async (req, res) => {
    res.json({ unread: await notifications.markAllRead(String(req.user!.id)) });
  });

  router.post('/:id/read', validate({ params: NotificationIdParamsSchema }), async (req, res) => {
    res.json({ unread: await notifications.markRead(String(req.user!.id), validParams<{ id: string }>(req).id) });
  });

  return router;
}
