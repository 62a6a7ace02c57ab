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
    summary: 'The latest 100 background jobs that used up their retries, across every queue, newest first.',
    auth: 'admin',
    response: FailedJobListSchema,
    handle: async () => ({ items: await admin.failedJobs() }),
  });

  routes.post('/jobs/:queue/:id/retry', {
    summary: 'Put a failed job back on its queue (404 unless it is a failed job).',
    auth: 'admin',
    params: JobParamsSchema,
    status: 204,
    handle: ({ params }) => admin.retry(params.queue, params.id),
  });

  routes.get('/reports', {
    summary: 'The moderation queue by status: open reports oldest first, resolved ones newest first.',
    auth: 'admin',
    query: ReportListQuerySchema,
    response: ReportPageSchema,
    handle: ({ query, res }) => {
      res.set('Cache-Control', 'no-store');
      return moderation.list(query);
    },
  });

  routes.post('/reports/:id/resolve', {
    summary: 'Hide the content, suspend its author or dismiss; closes every open report on it and tells the reporters.',
    auth: 'admin',
    params: IdParamsSchema,
    body: ReportResolveSchema,
    response: ReportViewSchema,
    handle: ({ user, params, body }) => moderation.resolve(String(user.id), params.id, body),
  });

  routes.get('/users/suspended', {
    summary: 'Suspended accounts, most recently suspended first, with who suspended them and for which report.',
    auth: 'admin',
    query: SuspendedAccountListQuerySchema,
    response: SuspendedAccountPageSchema,
    handle: ({ query, res }) => {
      res.set('Cache-Control', 'no-store');
      return moderation.suspended(query);
    },
  });

  routes.post('/users/:id/unsuspend', {
    summary: "Lift an account's suspension so it may sign in again; its owner is notified (409 when not suspended).",
    auth: 'admin',
    params: IdParamsSchema,
    status: 204,
    handle: ({ user, params }) => moderation.unsuspend(String(user.id), params.id),
  });

  return router;
}
