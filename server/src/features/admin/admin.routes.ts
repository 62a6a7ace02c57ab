import { Router } from 'express';
import { JobParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { requireAdmin, requireAuth } from '../../http/session-middleware';
import { validate, validParams } from '../../http/validate';

/** Administrator endpoints: failed background jobs and retrying them. */
export function createAdminRouter(c: Container): Router {
  const router = Router();
  const { admin, auth } = c.services;
  router.use(requireAuth((session) => auth.currentUser(session)), requireAdmin);

  router.get('/jobs/failed', async (_req, res) => {
    res.json({ items: await admin.failedJobs() });
  });

  router.post('/jobs/:queue/:id/retry', validate({ params: JobParamsSchema }), async (req, res) => {
    const { queue, id } = validParams<{ queue: string; id: string }>(req);
    await admin.retry(queue, id);
    res.status(204).end();
  });

  return router;
}
