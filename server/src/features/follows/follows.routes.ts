import { Router, type Request } from 'express';
import { FollowListQuerySchema, HandleParamsSchema, type FollowListQuery } from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validParams, validQuery } from '../../http/validate';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Following, follow requests, and the followers and following lists. */
export function createFollowsRouter(c: Container): Router {
  const router = Router();
  const { follows, auth } = c.services;
  const limit = writeRateLimit(c);
  const signedIn = requireAuth((session) => auth.currentUser(session));
  const handle = (req: Request) => validParams<{ handle: string }>(req).handle;
  const me = (req: Request) => String(req.user!.id);
  const viewer = (req: Request) => req.session?.userId ?? null;
  const byHandle = validate({ params: HandleParamsSchema });
  const listOf = validate({ params: HandleParamsSchema, query: FollowListQuerySchema });

  router.put('/users/:handle/follow', limit, signedIn, byHandle, async (req, res) => {
    res.json(await follows.follow(me(req), handle(req)));
  });

  router.delete('/users/:handle/follow', limit, signedIn, byHandle, async (req, res) => {
    res.json(await follows.unfollow(me(req), handle(req)));
  });

  router.get('/users/:handle/followers', listOf, async (req, res) => {
    res.json(await follows.followers(viewer(req), handle(req), validQuery<FollowListQuery>(req)));
  });

  router.get('/users/:handle/following', listOf, async (req, res) => {
    res.json(await follows.following(viewer(req), handle(req), validQuery<FollowListQuery>(req)));
  });

  router.get('/me/follow-requests', signedIn, validate({ query: FollowListQuerySchema }), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await follows.requests(me(req), validQuery<FollowListQuery>(req)));
  });

  router.post('/me/follow-requests/:handle/approve', limit, signedIn, byHandle, async (req, res) => {
    await follows.approve(me(req), handle(req));
    res.status(204).end();
  });

  router.post('/me/follow-requests/:handle/deny', limit, signedIn, byHandle, async (req, res) => {
    await follows.deny(me(req), handle(req));
    res.status(204).end();
  });

  return router;
}
