import { Router } from 'express';
import { MuteCreateSchema, MuteParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** The signed-in user's feed filters: list, add and remove mutes. */
export function createMutesRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { mutes } = c.services;
  const limit = writeRateLimit(c);

  routes.get('/me/mutes', {
    auth: 'signed-in',
    handle: ({ user }) => mutes.list(String(user.id)),
  });

  routes.post('/me/mutes', {
    auth: 'signed-in',
    limit,
    body: MuteCreateSchema,
    handle: async ({ body, user, res }) => {
      const { mute, created } = await mutes.create(String(user.id), body);
      // A repeated mute changes nothing, so only a new one answers 201.
      res.status(created ? 201 : 200).json(mute);
    },
  });

  routes.delete('/me/mutes/:kind/:target', {
    auth: 'signed-in',
    limit,
    params: MuteParamsSchema,
    handle: ({ params, user }) => mutes.delete(String(user.id), params.kind, params.target),
  });

  return router;
}
