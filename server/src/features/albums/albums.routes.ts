import { Router } from 'express';
import { AlbumAggregateQuerySchema, AlbumAggregateSchema, AlbumPageSchema, IdParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** The album page and its aggregate's views, signed in or out. */
export function createAlbumsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { albumPage, albumAggregate } = c.services;

  routes.get('/albums/:id', {
    summary: "The album page in one call: album, tracks, aggregate, top reviews, and the viewer's own data and friends.",
    params: IdParamsSchema,
    response: AlbumPageSchema,
    handle: async ({ params, viewerId, res }) => {
      const page = await albumPage.get(params.id, viewerId);
      // The answer depends on the viewer's session.
      res.set('Cache-Control', 'private, no-cache');
      return page;
    },
  });

  routes.get('/albums/:id/aggregate', {
    params: IdParamsSchema,
    query: AlbumAggregateQuerySchema,
    response: AlbumAggregateSchema,
    summary: 'One view of the album aggregate: everyone (weighted), established accounts, people I follow or people with my taste.',
    // The follow and taste views need a signed-in viewer.
    problems: [401],
    handle: async ({ params, query, viewerId, res }) => {
      const aggregate = await albumAggregate.view(params.id, viewerId, query.view);
      res.set('Cache-Control', 'private, no-cache');
      return aggregate;
    },
  });

  return router;
}
