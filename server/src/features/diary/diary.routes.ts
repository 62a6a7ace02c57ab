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
    auth: 'signed-in',
    limit,
    body: DiaryEntryCreateSchema,
    status: 201,
    response: DiaryEntryViewSchema,
    handle: ({ body, user }) => diary.create(String(user.id), body),
  });

  routes.delete('/diary/:id', {
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    handle: ({ params, user }) => diary.delete(String(user.id), params.id),
  });

  routes.get('/users/:handle/diary', {
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
