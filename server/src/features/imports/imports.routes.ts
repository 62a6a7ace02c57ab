import express, { Router, type Request } from 'express';
import { IdParamsSchema, IMPORT_CSV_MAX_BYTES, ImportConfirmSchema, ImportCreateSchema, ImportListSchema, ImportViewSchema } from '@muse/shared';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { createRoutes } from '../../http/route';

/**
 * JSON parser for /api/imports only: a 5 MB CSV grows when escaped into a JSON string (quotes
 * and newlines double), so these bodies get twice the file limit plus room for the envelope.
 * Every other route keeps the global BODY_LIMIT.
 */
export const importsJsonParser = express.json({ limit: IMPORT_CSV_MAX_BYTES * 2 + 64 * 1024, strict: true });

const UPLOADS_PER_HOUR = 20;
const byAccount = (req: Request) => req.session?.userId ?? byIp(req);

/** The signed-in user's CSV imports: upload, list, review, confirm. */
export function createImportsRouter(c: Container): Router {
  const router = Router();
  const { imports } = c.services;
  const routes = createRoutes(router, c.services.routes);
  const uploadLimit = rateLimit(c.rateLimiter, { name: 'imports-upload', max: UPLOADS_PER_HOUR, windowSeconds: 3600, key: byAccount });

  routes.get('/', {
    summary: "The viewer's latest 100 CSV imports, newest first, without their rows.",
    auth: 'signed-in',
    response: ImportListSchema,
    handle: ({ user, res }) => {
      res.set('Cache-Control', 'no-store');
      return imports.list(String(user.id));
    },
  });

  routes.post('/', {
    summary: 'Upload a Letterboxd or Rate Your Music CSV; it is parsed and matched in the background (202).',
    auth: 'signed-in',
    limit: uploadLimit,
    body: ImportCreateSchema,
    status: 202,
    response: ImportViewSchema,
    handle: ({ user, body }) => imports.create(String(user.id), body),
  });

  routes.get('/:id', {
    summary: "One of the viewer's imports with every row and its match (someone else's is 404).",
    auth: 'signed-in',
    params: IdParamsSchema,
    response: ImportViewSchema,
    handle: ({ user, params, res }) => {
      res.set('Cache-Control', 'no-store');
      return imports.get(String(user.id), params.id);
    },
  });

  routes.post('/:id/confirm', {
    summary: 'Apply a ready import in the background, minus the lines to skip; any other state is 409.',
    auth: 'signed-in',
    params: IdParamsSchema,
    body: ImportConfirmSchema,
    status: 202,
    response: ImportViewSchema,
    handle: ({ user, params, body }) => imports.confirm(String(user.id), params.id, body),
  });

  return router;
}
