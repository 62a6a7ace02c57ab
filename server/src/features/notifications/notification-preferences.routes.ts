import { Router } from 'express';
import { NotificationPreferencesSchema, NotificationPreferencesUpdateSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** The signed-in user's notification settings: GET and PUT of the per-type switches. */
export function createNotificationPreferencesRouter(c: Container): Router {
  const router = Router();
  const { notificationPreferences } = c.services;
  const routes = createRoutes(router, c.services.routes);

  routes.get('/', {
    summary: 'Every notification type and whether the viewer gets it: on unless switched off, account notices always.',
    auth: 'signed-in',
    response: NotificationPreferencesSchema,
    handle: ({ user, res }) => {
      res.set('Cache-Control', 'no-store');
      return notificationPreferences.get(String(user.id));
    },
  });

  routes.put('/', {
    summary: 'Switch the listed notification types on or off (account notices stay on); answers every type.',
    auth: 'signed-in',
    body: NotificationPreferencesUpdateSchema,
    response: NotificationPreferencesSchema,
    handle: ({ user, body }) => notificationPreferences.update(String(user.id), body),
  });

  return router;
}
