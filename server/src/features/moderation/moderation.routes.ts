import { Router } from 'express';
import { ReportCreateSchema, ReportViewSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Reporting a review or comment to the moderators. */
export function createModerationRouter(c: Container): Router {
  const router = Router();
  const { moderation } = c.services;
  const routes = createRoutes(router, c.services.routes);

  routes.post('/reports', {
    summary: "Report a review or comment the viewer may see to the moderators (not one's own); a repeat report is 409.",
    auth: 'signed-in',
    limit: writeRateLimit(c),
    body: ReportCreateSchema,
    status: 201,
    response: ReportViewSchema,
    handle: ({ user, body }) => moderation.report(String(user.id), body),
  });

  return router;
}
