import { Router } from 'express';
import { NotificationPreferencesUpdateSchema, type NotificationPreferencesUpdateInput } from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validBody } from '../../http/validate';

/** The signed-in user's notification settings: GET and PUT of the per-type switches. */
export function createNotificationPreferencesRouter(c: Container): Router {
  const router = Router();
  const { notificationPreferences, auth } = c.services;
  router.use(requireAuth((session) => auth.currentUser(session)));

  router.get('/', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await notificationPreferences.get(String(req.user!.id)));
  });

  router.put('/', validate({ body: NotificationPreferencesUpdateSchema }), async (req, res) => {
    res.json(await notificationPreferences.update(String(req.user!.id), validBody<NotificationPreferencesUpdateInput>(req)));
  });

  return router;
}
