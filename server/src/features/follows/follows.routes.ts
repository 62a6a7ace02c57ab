import { Router } from 'express';
import { FollowListPageSchema, FollowListQuerySchema, FollowRequestPageSchema, FollowResultSchema, HandleParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Following, follow requests, and the followers and following lists. */
export function createFollowsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { follows } = c.services;
  const limit = writeRateLimit(c);

  routes.put('/users/:handle/follow', {
    summary: 'Follow a user: at once for a public profile, as a request for a private one; a repeat changes nothing.',
    auth: 'signed-in',
    limit,
    params: HandleParamsSchema,
    response: FollowResultSchema,
    handle: ({ params, user }) => follows.follow(String(user.id), params.handle),
  });

  routes.delete('/users/:handle/follow', {
    summary: 'Unfollow a user or withdraw a pending request; harmless when there was neither.',
    auth: 'signed-in',
    limit,
    params: HandleParamsSchema,
    response: FollowResultSchema,
    handle: ({ params, user }) => follows.unfollow(String(user.id), params.handle),
  });

  routes.get('/users/:handle/followers', {
    summary: "Who follows the user, newest first; 403 for a private profile the viewer doesn't follow or a suspended one.",
    // 403 when the profile is private to this viewer or the account is suspended.
    problems: [403],
    params: HandleParamsSchema,
    query: FollowListQuerySchema,
    response: FollowListPageSchema,
    handle: ({ params, query, viewerId }) => follows.followers(viewerId, params.handle, query),
  });

  routes.get('/users/:handle/following', {
    summary: 'Whom the user follows, newest first; seen by the same people as their followers.',
    // 403 when the profile is private to this viewer or the account is suspended.
    problems: [403],
    params: HandleParamsSchema,
    query: FollowListQuerySchema,
    response: FollowListPageSchema,
    handle: ({ params, query, viewerId }) => follows.following(viewerId, params.handle, query),
  });

  routes.get('/me/follow-requests', {
    summary: 'Pending requests to follow the viewer, newest first.',
    auth: 'signed-in',
    query: FollowListQuerySchema,
    response: FollowRequestPageSchema,
    handle: async ({ query, user, res }) => {
      const page = await follows.requests(String(user.id), query);
      res.set('Cache-Control', 'no-store');
      return page;
    },
  });

  routes.post('/me/follow-requests/:handle/approve', {
    summary: "Approve the user's pending follow request; they are notified (404 when there is none).",
    auth: 'signed-in',
    limit,
    params: HandleParamsSchema,
    status: 204,
    handle: ({ params, user }) => follows.approve(String(user.id), params.handle),
  });

  routes.post('/me/follow-requests/:handle/deny', {
    summary: "Deny the user's pending follow request, without notifying them (404 when there is none).",
    auth: 'signed-in',
    limit,
    params: HandleParamsSchema,
    status: 204,
    handle: ({ params, user }) => follows.deny(String(user.id), params.handle),
  });

  return router;
}
