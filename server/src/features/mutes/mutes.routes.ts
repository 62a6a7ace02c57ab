import { Router } from 'express';
import { MuteCreateSchema, MuteListSchema, MuteParamsSchema, MuteViewSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes, createdOrFound } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** The signed-in user's feed filters: list, add and remove mutes. */
export function createMutesRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { mutes } = c.services;
  const limit = writeRateLimit(c);

  routes.get('/me/mutes', {
    summary: "The viewer's mutes (users by handle, artists, activity types), oldest first.",
    auth: 'signed-in',
    response: MuteListSchema,
    handle: ({ user }) => mutes.list(String(user.id)),
  });

  routes.post('/me/mutes', {
    summary: 'Add a feed filter muting a user, an artist or an activity type: 201 when new, 200 when already muted.',
    auth: 'signed-in',
    limit,
    body: MuteCreateSchema,
    // A repeated mute changes nothing, so only a new one answers 201.
    status: 201,
    statuses: [200],
    response: MuteViewSchema,
    handle: async ({ body, user }) => {
      const { mute, created } = await mutes.create(String(user.id), body);
      return createdOrFound(created, mute);
    },
  });

  routes.delete('/me/mutes/:kind/:target', {
    summary: 'Remove a mute named as the mute list shows it (a user by handle); a missing one is 404.',
    auth: 'signed-in',
    limit,
    params: MuteParamsSchema,
    status: 204,
    handle: ({ params, user }) => mutes.delete(String(user.id), params.kind, params.target),
  });

  return router;
}
