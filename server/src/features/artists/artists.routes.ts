import { Router } from 'express';
import { ArtistPageSchema, IdParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** `GET /api/artists/:id`: an artist's page; open to everyone. */
export function createArtistsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { artists } = c.services;

  routes.get('/:id', {
    summary: 'An artist and the albums credited to them, newest first.',
    params: IdParamsSchema,
    response: ArtistPageSchema,
    handle: ({ params }) => artists.page(params.id),
  });

  return router;
}
