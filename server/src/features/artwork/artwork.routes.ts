import { Router } from 'express';
import { ArtworkParamsSchema, ArtworkQuerySchema, type CoverWidth } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/**
 * Stored album covers, public and cacheable forever (`/api/artwork/<key>` is what album presenters
 * give as `coverUrl`); `?w=` picks one of the stored widths, the largest without it.
 */
export function createArtworkRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { artwork } = c.services;

  routes.get('/:key', {
    summary: "A stored album cover (an album's coverUrl) at the ?w= width, else the largest; public and cached long.",
    params: ArtworkParamsSchema,
    query: ArtworkQuerySchema,
    produces: 'image/*',
    handle: ({ params, query, req, res }) => artwork.serve(req, res, params.key, query.w === undefined ? undefined : (Number(query.w) as CoverWidth)),
  });

  return router;
}
