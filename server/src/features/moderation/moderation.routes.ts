import { Router } from 'express';
import { ReportCreateSchema, type ReportCreateInput } from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validBody } from '../../http/validate';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Reporting a review or comment to the moderators. */
export function createModerationRouter(c: Container): Router {
  const router = Router();
  const { moderation, auth } = c.services;

  router.post('/reports', writeRateLimit(c), requireAuth((session) => auth.currentUser(session)), validate({ body: ReportCreateSchema }), async (req, res) => {
    res.status(201).json(await moderation.report(String(req.user!.id), validBody<ReportCreateInput>(req)));
  });

  return router;
}
