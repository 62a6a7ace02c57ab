import { Router } from 'express';
import { IdParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** The album page, signed in or out. */
export function createAlbumsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.auth);
  const { albumPage } = c.services;

  routes.get('/albums/:id', {
    params: IdParamsSchema,
    handle: async ({ params, viewerId, res }) => {
      const page = await albumPage.get(params.id, viewerId);
      // The answer depends on the viewer's session.
      res.set('Cache-Control', 'private, no-cache');
      return page;
    },
  });

  return router;
}
