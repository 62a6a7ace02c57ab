import { Router } from 'express';
import { HandleParamsSchema, IdParamsSchema, OpinionChangesSchema, RatingTimelineSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** Opinions over time: the viewer's rating timeline of an album, and a user's growers and faders. */
export function createOpinionsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { opinions } = c.services;

  routes.get('/albums/:id/my-timeline', {
    auth: 'signed-in',
    params: IdParamsSchema,
    response: RatingTimelineSchema,
    summary: "The signed-in viewer's own ratings of the album over time (first listen, each relisten).",
    handle: async ({ params, user, res }) => {
      const timeline = await opinions.myTimeline(String(user.id), params.id);
      res.set('Cache-Control', 'private, no-cache');
      return timeline;
    },
  });

  routes.get('/users/:handle/opinion-changes', {
    params: HandleParamsSchema,
    response: OpinionChangesSchema,
    summary: "The user's growers and faders: albums whose rating rose or fell most from their first rating across relistens.",
    // 403 when the profile is private to this viewer or the account is suspended.
    problems: [403],
    handle: async ({ params, viewerId, res }) => {
      const changes = await opinions.changes(viewerId, params.handle);
      res.set('Cache-Control', 'private, no-cache');
      return changes;
    },
  });

  return router;
}
