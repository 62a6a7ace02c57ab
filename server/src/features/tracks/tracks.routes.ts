import { Router } from 'express';
import { IdParamsSchema, TrackPageSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** The track page, signed in or out (its reviews are the reviews feature's routes). */
export function createTracksRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { trackPage } = c.services;

  routes.get('/tracks/:id', {
    summary: "A track with its stats and album, and the signed-in viewer's rating and review of it.",
    params: IdParamsSchema,
    response: TrackPageSchema,
    handle: async ({ params, viewerId, res }) => {
      const page = await trackPage.get(params.id, viewerId);
      // The answer depends on the viewer's session.
      res.set('Cache-Control', 'private, no-cache');
      return page;
    },
  });

  return router;
}
