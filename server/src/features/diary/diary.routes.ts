import { Router } from 'express';
import { DiaryEntryCreateSchema, DiaryListQuerySchema, HandleParamsSchema, IdParamsSchema, type DiaryEntryCreateInput, type DiaryListQuery } from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validBody, validParams, validQuery } from '../../http/validate';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Logging listens, deleting them, and reading anyone's diary. */
export function createDiaryRouter(c: Container): Router {
  const router = Router();
  const { diary, auth } = c.services;
  const limit = writeRateLimit(c);
  const signedIn = requireAuth((session) => auth.currentUser(session));

  router.post('/diary', limit, signedIn, validate({ body: DiaryEntryCreateSchema }), async (req, res) => {
    res.status(201).json(await diary.create(String(req.user!.id), validBody<DiaryEntryCreateInput>(req)));
  });

  router.delete('/diary/:id', limit, signedIn, validate({ params: IdParamsSchema }), async (req, res) => {
    await diary.delete(String(req.user!.id), validParams<{ id: string }>(req).id);
    res.status(204).end();
  });

  router.get('/users/:handle/diary', validate({ params: HandleParamsSchema, query: DiaryListQuerySchema }), async (req, res) => {
    // Who may read a diary depends on who asks (private profiles, suspended accounts).
    const page = await diary.listForUser(validParams<{ handle: string }>(req).handle, validQuery<DiaryListQuery>(req), req.session?.userId ?? null);
    res.set('Cache-Control', 'private, no-cache').json(page);
  });

  return router;
}
