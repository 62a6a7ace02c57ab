import express, { Router, type Request } from 'express';
import { IdParamsSchema, IMPORT_CSV_MAX_BYTES, ImportConfirmSchema, ImportCreateSchema, type ImportConfirmInput, type ImportCreateInput } from '@muse/shared';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { requireAuth } from '../../http/session-middleware';
import { validate, validBody, validParams } from '../../http/validate';

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
  const { imports, auth } = c.services;
  const signedIn = requireAuth((session) => auth.currentUser(session));
  const uploadLimit = rateLimit(c.rateLimiter, { name: 'imports-upload', max: UPLOADS_PER_HOUR, windowSeconds: 3600, key: byAccount });

  router.get('/', signedIn, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await imports.list(String(req.user!.id)));
  });

  router.post('/', uploadLimit, signedIn, validate({ body: ImportCreateSchema }), async (req, res) => {
    res.status(202).json(await imports.create(String(req.user!.id), validBody<ImportCreateInput>(req)));
  });

  router.get('/:id', signedIn, validate({ params: IdParamsSchema }), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await imports.get(String(req.user!.id), validParams<{ id: string }>(req).id));
  });

  router.post('/:id/confirm', signedIn, validate({ params: IdParamsSchema, body: ImportConfirmSchema }), async (req, res) => {
    res.status(202).json(await imports.confirm(String(req.user!.id), validParams<{ id: string }>(req).id, validBody<ImportConfirmInput>(req)));
  });

  return router;
}
