import { Router } from 'express';
import { IdParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { validate, validParams } from '../../http/validate';

/** `GET /api/artists/:id`: an artist's page; open to everyone. */
export function createArtistsRouter(c: Container): Router {
  const router = Router();
  const { artists } = c.services;

  router.get('/:id', validate({ params: IdParamsSchema }), async (req, res) => {
    res.json(await artists.page(validParams<{ id: string }>(req).id));
  });

  return router;
}
