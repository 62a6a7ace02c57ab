import { Router } from 'express';
import { z } from 'zod';
import type { Container } from '../../container';
import { BLOB_KEY_PATTERN } from '../../blobs/blob-keys';
import { createRoutes } from '../../http/route';

const ArtworkParamsSchema = z.object({ key: z.string().regex(BLOB_KEY_PATTERN, 'Not an artwork key') });

/** Stored album covers, public and cacheable forever (`/api/artwork/<key>` is what album presenters give as `coverUrl`). */
export function createArtworkRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.auth);
  const { artwork } = c.services;

  routes.get('/:key', { params: ArtworkParamsSchema, handle: ({ params, req, res }) => artwork.serve(req, res, params.key) });

  return router;
}
