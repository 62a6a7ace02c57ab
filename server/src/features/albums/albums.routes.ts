import { Router } from 'express';
import { IdParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { validate, validParams } from '../../http/validate';

/** The album page, signed in or out. */
export function createAlbumsRouter(c: Container): Router {
  const router = Router();
  const { albumPage } = c.services;

  router.get('/albums/:id', validate({ params: IdParamsSchema }), async (req, res) => {
    const page = await albumPage.get(validParams<{ id: string }>(req).id, req.session?.userId ?? null);
    // The answer depends on the viewer's session.
    res.set('Cache-Control', 'private, no-cache').json(page);
  });

  return router;
}
