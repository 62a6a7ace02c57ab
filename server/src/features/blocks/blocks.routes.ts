import { Router, type Request } from 'express';
import { FollowListQuerySchema, HandleParamsSchema, type FollowListQuery } from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validParams, validQuery } from '../../http/validate';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Blocking and unblocking users, and the signed-in user's block list. */
export function createBlocksRouter(c: Container): Router {
  const router = Router();
  const { blocks, auth } = c.services;
  const limit = writeRateLimit(c);
  const signedIn = requireAuth((session) => auth.currentUser(session));
  const handle = (req: Request) => validParams<{ handle: string }>(req).handle;
  const me = (req: Request) => String(req.user!.id);
  const byHandle = validate({ params: HandleParamsSchema });

  router.put('/users/:handle/block', limit, signedIn, byHandle, async (req, res) => {
    res.json(await blocks.block(me(req), handle(req)));
  });

  router.delete('/users/:handle/block', limit, signedIn, byHandle, async (req, res) => {
    res.json(await blocks.unblock(me(req), handle(req)));
  });

  router.get('/me/blocks', signedIn, validate({ query: FollowListQuerySchema }), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await blocks.list(me(req), validQuery<FollowListQuery>(req)));
  });

  return router;
}
