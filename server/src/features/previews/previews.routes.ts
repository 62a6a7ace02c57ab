import { Router, type Request } from 'express';
import { IdParamsSchema, PreviewStatusesSchema, PreviewStatusQuerySchema } from '@muse/shared';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { createRoutes } from '../../http/route';

// Counted per account: a listener seeking through clips makes many range requests, a script behind many addresses no more.
const byAccount = (req: Request): string => (req.session ? `user:${req.session.userId}` : `ip:${byIp(req)}`);

/** Preview clips of tracks, for signed-in listeners: the clip itself (streamed with ranges) and which tracks have one. */
export function createPreviewsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { previews } = c.services;
  const limit = rateLimit(c.rateLimiter, {
    name: 'preview-user',
    max: c.config.PREVIEW_RATE_USER_MAX,
    windowSeconds: c.config.PREVIEW_RATE_WINDOW_SECONDS,
    key: byAccount,
  });

  routes.get('/tracks/:id/preview', {
    summary: "Stream the track's preview clip (ranges); 202 with Retry-After while it is fetched, 404 if there is none.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    produces: 'audio/*',
    statuses: [206, 202],
    handle: ({ params, req, res }) => previews.serve(req, res, params.id),
  });

  routes.get('/previews/status', {
    summary: 'Whether each listed track has a clip (unknown ids left out); starts fetching the first pending ones.',
    auth: 'signed-in',
    limit,
    query: PreviewStatusQuerySchema,
    response: PreviewStatusesSchema,
    handle: async ({ query, res }) => {
      res.set('Cache-Control', 'private, no-store');
      return { previews: await previews.statuses(query.trackIds) };
    },
  });

  return router;
}
