import { Router } from 'express';
import { DiaryEntryCreateSchema, DiaryEntryViewSchema, DiaryListQuerySchema, DiaryPageSchema, HandleParamsSchema, IdParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Logging listens, deleting them, and reading anyone's diary. */
export function createDiaryRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { diary } = c.services;
  const limit = writeRateLimit(c);

  routes.post('/diary', {
    summary: 'Log a listen of an album on a day, with optional stars (they become the current rating) and review text.',
    auth: 'signed-in',
    limit,
    body: DiaryEntryCreateSchema,
    status: 201,
    response: DiaryEntryViewSchema,
    handle: ({ body, user }) => diary.create(String(user.id), body),
  });

  routes.delete('/diary/:id', {
    summary: "Delete one of the viewer's diary entries (someone else's is 404); its review and the rating stay.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    status: 204,
    handle: ({ params, user }) => diary.delete(String(user.id), params.id),
  });

  routes.get('/users/:handle/diary', {
    summary: "A user's diary, latest listen first; 403 for a private profile the viewer doesn't follow or a suspended one.",
    // 403 when the profile is private to this viewer or the account is suspended.
    problems: [403],
    params: HandleParamsSchema,
    query: DiaryListQuerySchema,
    response: DiaryPageSchema,
    handle: async ({ params, query, viewerId, res }) => {
      const page = await diary.listForUser(params.handle, query, viewerId);
      // Who may read a diary depends on who asks (private profiles, suspended accounts).
      res.set('Cache-Control', 'private, no-cache');
      return page;
    },
  });

  return router;
}
