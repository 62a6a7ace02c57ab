import { Router } from 'express';
import {
  IdParamsSchema,
  JobParamsSchema,
  ReportListQuerySchema,
  ReportResolveSchema,
  SuspendedAccountListQuerySchema,
  type ReportListQuery,
  type ReportResolveInput,
  type SuspendedAccountListQuery,
} from '@muse/shared';
import type { Container } from '../../container';
import { requireAdmin, requireAuth } from '../../http/session-middleware';
import { validate, validBody, validParams, validQuery } from '../../http/validate';

/** Administrator endpoints: failed background jobs and retrying them; the moderation queue; suspended accounts. */
export function createAdminRouter(c: Container): Router {
  const router = Router();
  const { admin, auth, moderation } = c.services;
  router.use(requireAuth((session) => auth.currentUser(session)), requireAdmin);

  router.get('/jobs/failed', async (_req, res) => {
    res.json({ items: await admin.failedJobs() });
  });

  router.post('/jobs/:queue/:id/retry', validate({ params: JobParamsSchema }), async (req, res) => {
    const { queue, id } = validParams<{ queue: string; id: string }>(req);
    await admin.retry(queue, id);
    res.status(204).end();
  });

  router.get('/reports', validate({ query: ReportListQuerySchema }), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await moderation.list(validQuery<ReportListQuery>(req)));
  });

  router.post('/reports/:id/resolve', validate({ params: IdParamsSchema, body: ReportResolveSchema }), async (req, res) => {
    res.json(await moderation.resolve(String(req.user!.id), validParams<{ id: string }>(req).id, validBody<ReportResolveInput>(req)));
  });

  router.get('/users/suspended', validate({ query: SuspendedAccountListQuerySchema }), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await moderation.suspended(validQuery<SuspendedAccountListQuery>(req)));
  });

  router.post('/users/:id/unsuspend', validate({ params: IdParamsSchema }), async (req, res) => {
    await moderation.unsuspend(String(req.user!.id), validParams<{ id: string }>(req).id);
    res.status(204).end();
  });

  return router;
}
