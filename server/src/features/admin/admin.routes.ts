import { Router } from 'express';
import {
  FailedJobListSchema,
  IdParamsSchema,
  JobParamsSchema,
  ReportListQuerySchema,
  ReportPageSchema,
  ReportResolveSchema,
  ReportViewSchema,
  SuspendedAccountListQuerySchema,
  SuspendedAccountPageSchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** Administrator endpoints: failed background jobs and retrying them; the moderation queue; suspended accounts. */
export function createAdminRouter(c: Container): Router {
  const router = Router();
  const { admin, moderation } = c.services;
  const routes = createRoutes(router, c.services.routes);

  routes.get('/jobs/failed', {
    auth: 'admin',
    response: FailedJobListSchema,
    handle: async () => ({ items: await admin.failedJobs() }),
  });

  routes.post('/jobs/:queue/:id/retry', {
    auth: 'admin',
    params: JobParamsSchema,
    handle: ({ params }) => admin.retry(params.queue, params.id),
  });

  routes.get('/reports', {
    auth: 'admin',
    query: ReportListQuerySchema,
    response: ReportPageSchema,
    handle: ({ query, res }) => {
      res.set('Cache-Control', 'no-store');
      return moderation.list(query);
    },
  });

  routes.post('/reports/:id/resolve', {
    auth: 'admin',
    params: IdParamsSchema,
    body: ReportResolveSchema,
    response: ReportViewSchema,
    handle: ({ user, params, body }) => moderation.resolve(String(user.id), params.id, body),
  });

  routes.get('/users/suspended', {
    auth: 'admin',
    query: SuspendedAccountListQuerySchema,
    response: SuspendedAccountPageSchema,
    handle: ({ query, res }) => {
      res.set('Cache-Control', 'no-store');
      return moderation.suspended(query);
    },
  });

  routes.post('/users/:id/unsuspend', {
    auth: 'admin',
    params: IdParamsSchema,
    handle: ({ user, params }) => moderation.unsuspend(String(user.id), params.id),
  });

  return router;
}
